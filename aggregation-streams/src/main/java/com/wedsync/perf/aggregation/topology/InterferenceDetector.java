package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.aggregation.interference.InterferenceRules;
import com.wedsync.perf.aggregation.interference.InterferenceSettings;
import com.wedsync.perf.aggregation.interference.TenantHistory;
import com.wedsync.perf.aggregation.interference.TenantMinute;
import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.aggregation.window.Watermark;
import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.TrendPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Stage three, on the one partition that sees every tenant's closed server minutes: keeps each tenant's recent
 * minutes and, once a minute's points are in (its end + the evaluation delay), judges it with the
 * {@link InterferenceRules}. Each minute is judged once; findings are kept for the API and sent on per victim.
 */
final class InterferenceDetector implements Processor<String, TrendPoint, String, InterferenceFinding> {

    private static final long MINUTE = 60_000;
    private static final String EVALUATED_THROUGH = "evaluated-through";

    private final InterferenceSettings settings;
    private final InterferenceRules rules;
    private final Watermark watermark = new Watermark();
    private boolean started;
    private ProcessorContext<String, InterferenceFinding> context;
    private KeyValueStore<String, TenantHistory> tenants;
    private KeyValueStore<String, Long> state;
    private WindowStore<String, InterferenceFinding> findings;

    InterferenceDetector(InterferenceSettings settings) {
        this.settings = settings;
        this.rules = new InterferenceRules(settings);
    }

    @Override
    public void init(ProcessorContext<String, InterferenceFinding> context) {
        this.context = context;
        tenants = context.getStateStore(TrendStores.TENANT_MINUTES);
        state = context.getStateStore(TrendStores.INTERFERENCE_STATE);
        findings = context.getStateStore(TrendStores.FINDINGS);
        started = false;
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, this::evaluateDue);
    }

    @Override
    public void process(Record<String, TrendPoint> record) {
        TrendPoint point = record.value();
        long minute = point.windowStart().toEpochMilli();
        long now = context.currentSystemTimeMs();
        startClock(now);
        watermark.observe(point.windowEnd().toEpochMilli(), now);
        TenantHistory history = tenants.get(point.tenant());
        long keepFrom = minute - (settings.lookbackMinutes() + 1L) * MINUTE;
        TenantMinute observed = new TenantMinute(minute, point.count(), point.p95());
        tenants.put(point.tenant(), (history == null ? new TenantHistory(List.of()) : history).with(observed, keepFrom));
        if (state.get(EVALUATED_THROUGH) == null) {
            state.put(EVALUATED_THROUGH, minute - MINUTE);
        }
        evaluateDue(now);
    }

    /**
     * At the first record or tick, from what was evaluated before a restart: the context's clock reads 0 during
     * init, and a watermark seeded at a wall time of 0 would count the whole epoch as idle time and jump decades
     * ahead — every later minute would be evaluated before the other tenants' points for it had arrived.
     */
    private void startClock(long now) {
        if (started) {
            return;
        }
        started = true;
        watermark.start(now);
        Long evaluated = state.get(EVALUATED_THROUGH);
        if (evaluated != null) {
            watermark.seed(evaluated + MINUTE, now);
        }
    }

    private void evaluateDue(long now) {
        startClock(now);
        Long evaluatedThrough = state.get(EVALUATED_THROUGH);
        if (evaluatedThrough == null) {
            return;
        }
        long mark = watermark.at(now);
        long delay = settings.evaluationDelay().toMillis();
        if (evaluatedThrough + 2 * MINUTE + delay > mark) {
            return;
        }
        Map<String, TenantHistory> all = new HashMap<>();
        TreeSet<Long> minutes = new TreeSet<>();
        try (KeyValueIterator<String, TenantHistory> iterator = tenants.all()) {
            iterator.forEachRemaining(entry -> {
                all.put(entry.key, entry.value);
                entry.value.minutes().forEach(m -> minutes.add(m.minuteStart()));
            });
        }
        long last = evaluatedThrough;
        for (long minute : minutes.tailSet(evaluatedThrough, false)) {
            if (minute + MINUTE + delay > mark) {
                break;
            }
            for (InterferenceFinding finding : rules.evaluate(minute, all, Instant.ofEpochMilli(minute + MINUTE + delay))) {
                findings.put(finding.findingId() + SeriesKey.SEPARATOR + finding.victimTenant(), finding, minute);
                context.forward(new Record<>(finding.victimTenant(), finding, minute + MINUTE));
            }
            last = minute;
        }
        state.put(EVALUATED_THROUGH, Math.max(last, (mark - delay) / MINUTE * MINUTE - MINUTE));
    }
}
