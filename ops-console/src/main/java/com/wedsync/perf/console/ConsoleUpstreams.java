package com.wedsync.perf.console;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** Where each service the console talks to answers: {@code console.upstreams.<service>} (ingest, aggregation…). */
@ConfigMapping(prefix = "console")
public interface ConsoleUpstreams {

    Map<String, String> upstreams();
}
