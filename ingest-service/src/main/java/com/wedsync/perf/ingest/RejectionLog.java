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
 * latest example: a flood of bad beacons says what is happening without drowning the log. Kinds are endpoints (never
 * raw paths, see {@link Refused}) and at most {@value #MAX_CLASSES} classes are kept; later ones share one class per
 * code. Examples are cut to {@value #MAX_EXAMPLE} characters with control characters shown as {@code ?}, so a
 * caller cannot forge log lines.
 */
@ApplicationScoped
public class RejectionLog {

    private static final Logger LOG = Logger.getLogger(RejectionLog.class);
    static final Duration INTERVAL = Duration.ofMinutes(1);
    static final int MAX_CLASSES = 256;
    static final int MAX_EXAMPLE = 200;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    void refused(@Observes Refused refusal) {
        refused(refusal.endpoint(), refusal.code(), null, refusal.detail());
    }

    /** Records a refusal; the first of its class is logged at once, later ones once per interval with a count. */
    public void refused(String kind, String code, String tenant, String detail) {
        String example = printable((tenant == null ? "" : "tenant " + tenant + ": ") + detail);
        String key = printable(kind) + "/" + printable(code);
        if (!windows.containsKey(key) && windows.size() >= MAX_CLASSES) {
            key = "other/" + printable(code);
        }
        Window window = windows.get(key);
        if (window == null && windows.putIfAbsent(key, new Window()) == null) {
            LOG.infof("%s: request refused (first of its kind); %s", key, example);
            return;
        }
        window = windows.get(key);
        window.count.incrementAndGet();
        window.lastExample = example;
        long now = System.nanoTime();
        long started = window.started.get();
        if (now - started >= INTERVAL.toNanos() && window.started.compareAndSet(started, now)) {
            LOG.infof("%s: %d request(s) refused in the last %d s; latest: %s", key,
                    window.count.getAndSet(0), Duration.ofNanos(now - started).toSeconds(), window.lastExample);
        }
    }

    int classes() {
        return windows.size();
    }

    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > MAX_EXAMPLE ? text.substring(0, MAX_EXAMPLE) + "…" : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '?' : c));
        return out.toString();
    }

    private static final class Window {
        private final AtomicLong started = new AtomicLong(System.nanoTime());
        private final AtomicLong count = new AtomicLong();
        private volatile String lastExample;
    }
}
