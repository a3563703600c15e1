package com.wedsync.perf.service.retention;

import java.util.List;

/** What a service deletes when its data is older than the retention; each service with a database declares one bean. */
public interface RetentionRules {

    List<RetentionRule> rules();

    /** The PostgreSQL advisory lock that lets one instance sweep at a time. */
    long lockKey();
}
