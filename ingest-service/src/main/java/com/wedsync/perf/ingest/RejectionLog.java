package com.wedsync.perf.ingest;

import com.wedsync.perf.service.api.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * One log line per class of refused request (kind + error code) and interval, with how many there were and the
 * latest example: a flood of bad beacons says what is happening without drowning the log.
 */
@ApplicationScoped
public class RejectionLog {

    private static final Logger LOG = Logger.getLogger(RejectionLog.class);
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    void refused(@Observes Refused refusal) {
        refused(refusal.path(), refusal.code(), null, refusal.detail());
    }

    /** Records a refusal; the first of its class is logged at once, later ones once per interval with a count. */
    public void refused(String kind, String code, String tenant, String detail) {
        String example = (tenant == null ? "" : "tenant " + tenant + ": ") + detail;
        String key = kind + "/" + code;
        Window window = windows.get(key);
        if (window == null && windows.putIfAbsent(key, new Window()) == null) {
            LOG.infof("%s: request refused as %s (first of its kind); %s", kind, code, example);
            return;
        }
        window = windows.get(key);
        window.count.incrementAndGet();
        window.lastExample = example;
        long now = System.nanoTime();
        long started = window.started.get();
        if (now - started >= INTERVAL.toNanos() && window.started.compareAndSet(started, now)) {
            LOG.infof("%s: %d request(s) refused as %s in the last %d s; latest: %s", kind,
                    window.count.getAndSet(0), code, Duration.ofNanos(now - started).toSeconds(), window.lastExample);
        }
    }

    private static final class Window {
        private final AtomicLong started = new AtomicLong(System.nanoTime());
        private final AtomicLong count = new AtomicLong();
        private volatile String lastExample;
    }
}
