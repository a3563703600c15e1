package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.service.outbox.EventOutbox;
import com.wedsync.perf.service.retention.RetentionRule;
import com.wedsync.perf.service.retention.RetentionRules;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Ended emergencies older than {@code perf.retention.keep} (90 days) go every hour, swept by one instance ({@link com.wedsync.perf.service.retention.Retention}); load
 * minutes (70 days) and forecasts with their recommendations (90 days) are forgotten at each forecast refresh.
 */
@Singleton
public class EmergencyRetention implements RetentionRules {

    static final List<RetentionRule> RULES = List.of(
            new RetentionRule("emergencies", "DELETE FROM emergencies WHERE ended_at < ?"), EventOutbox.PUBLISHED);
    private static final long LOCK = 0x7065726652657403L;

    @Override
    public List<RetentionRule> rules() {
        return RULES;
    }

    @Override
    public long lockKey() {
        return LOCK;
    }
}
