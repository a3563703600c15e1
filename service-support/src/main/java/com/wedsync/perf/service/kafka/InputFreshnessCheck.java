package com.wedsync.perf.service.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * A stall is visible, never silent: measures a consumer's input lag (and, where given, the age of its newest output)
 * every few seconds, publishes them as metrics ({@code perf_input_lag_records}, {@code perf_input_idle_seconds},
 * {@code perf_input_stalled}, {@code perf_input_last_handled_age_seconds}, {@code perf_output_newest_age_seconds},
 * tagged with the consumer), and turns readiness DOWN with the reason when input waits and nothing is consumed for
 * longer than the stall time. A consuming service turns it on with {@code perf.freshness.enabled=true} and names what
 * it reads: {@code perf.freshness.consumer}, {@code .group}, {@code .topics}, and optionally {@code .output-topic}.
 */
@Startup
@Readiness
@Singleton
@IfBuildProperty(name = "perf.freshness.enabled", stringValue = "true")
public class InputFreshnessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(InputFreshnessCheck.class);

    private final String consumer;
    private final InputProgress progress;
    private final GroupLagProbe probe;
    private final Optional<String> outputTopic;
    private final ScheduledExecutorService measuring;
    private volatile InputProgress.Snapshot snapshot;
    private volatile Instant lastHandledAt;
    private volatile boolean wasStalled;

    public InputFreshnessCheck(@ConfigProperty(name = "perf.freshness.consumer") String consumer,
                               @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               @ConfigProperty(name = "perf.freshness.group") String group,
                               @ConfigProperty(name = "perf.freshness.topics") List<String> topics,
                               @ConfigProperty(name = "perf.freshness.output-topic") Optional<String> outputTopic,
                               @ConfigProperty(name = "perf.stall-after", defaultValue = "2m") Duration stallAfter,
                               @ConfigProperty(name = "perf.freshness.every", defaultValue = "10s") Duration every,
                               MeterRegistry registry) {
        this.consumer = consumer;
        this.progress = new InputProgress(stallAfter, Instant.now());
        this.snapshot = progress.snapshot();
        this.probe = new GroupLagProbe(bootstrapServers, group, topics);
        this.outputTopic = outputTopic;
        Tags tags = Tags.of("consumer", consumer);
        Gauge.builder("perf.input.lag.records", this, c -> c.snapshot.lag()).tags(tags)
                .description("records waiting on the consumer's input partitions").register(registry);
        Gauge.builder("perf.input.idle.seconds", this, c -> secondsSince(c.snapshot.lastAdvancedAt())).tags(tags)
                .description("time since the consumer's committed position last moved").register(registry);
        Gauge.builder("perf.input.stalled", this, c -> c.snapshot.stalled() ? 1 : 0).tags(tags)
                .description("1 while input waits and nothing is consumed").register(registry);
        Gauge.builder("perf.input.last.handled.age.seconds", this, c -> secondsSince(c.lastHandledAt)).tags(tags)
                .description("time since the consumer last handled a record (NaN before the first)").register(registry);
        outputTopic.ifPresent(topic -> Gauge.builder("perf.output.newest.age.seconds", this,
                        c -> secondsSince(c.snapshot.newestOutput())).tags(tags.and("topic", topic))
                .description("age of the newest record the service has written (for trends: the newest closed window's end)")
                .register(registry));
        this.measuring = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, consumer + "-freshness");
            thread.setDaemon(true);
            return thread;
        });
        measuring.scheduleWithFixedDelay(this::measure, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The consumer calls this for every record it has handled. */
    public void recordHandled() {
        lastHandledAt = Instant.now();
    }

    public InputProgress.Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public HealthCheckResponse call() {
        InputProgress.Snapshot now = snapshot;
        HealthCheckResponseBuilder response = HealthCheckResponse.named(consumer + "-input")
                .status(!now.stalled())
                .withData("reason", now.reason())
                .withData("lag", now.lag())
                .withData("lastAdvancedAt", now.lastAdvancedAt().toString())
                .withData("lagByPartition", now.lagByPartition().toString());
        if (lastHandledAt != null) {
            response.withData("lastHandledAt", lastHandledAt.toString());
        }
        if (now.newestOutput() != null) {
            response.withData("newestOutput", now.newestOutput().toString())
                    .withData("newestOutputAgeSeconds", (long) secondsSince(now.newestOutput()));
        }
        return response.build();
    }

    private void measure() {
        try {
            snapshot = probe.measure(progress, outputTopic);
        } catch (Exception e) {
            snapshot = progress.unmeasured(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (snapshot.stalled() != wasStalled) {
            wasStalled = snapshot.stalled();
            if (wasStalled) {
                LOG.errorf("%s has stalled: %s", consumer, snapshot.reason());
            } else {
                LOG.infof("%s is moving again: %s", consumer, snapshot.reason());
            }
        }
    }

    private static double secondsSince(Instant instant) {
        return instant == null ? Double.NaN : Duration.between(instant, Instant.now()).toMillis() / 1000.0;
    }

    @PreDestroy
    void stop() {
        measuring.shutdownNow();
        probe.close();
    }
}
