package com.wedsync.perf.gate.deploy;

import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.event.TrendKey;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps each tenant's tenant-wide RUM minutes (all routes, all devices) from {@code perf.trends.v1}: what post-deploy
 * checks compare. Writes are upserts, so a replay after a rebalance changes nothing.
 */
@ApplicationScoped
public class TrendWatcher {

    private static final Logger LOG = Logger.getLogger(TrendWatcher.class);
    static final Set<String> METRICS = Set.of("LCP", "INP", "CLS", "FCP", "TTFB");

    private final TrendMinutes minutes;
    private final String bootstrapServers;
    private volatile boolean running = true;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public TrendWatcher(TrendMinutes minutes, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.minutes = minutes;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent started) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "group.id", "gate-service-trends",
                "auto.offset.reset", "earliest", "client.id", "gate-service-trends", "enable.auto.commit", true),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "gate-trend-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.TRENDS.name()));
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    keep(record);
                }
            }
        } catch (WakeupException stopping) {
            // close below
        } catch (RuntimeException e) {
            LOG.errorf(e, "trend watcher stopped: %s", e.getMessage());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void keep(ConsumerRecord<byte[], byte[]> record) {
        try {
            TrendPoint point = Topics.TRENDS.valueSerde().deserializer().deserialize(record.topic(), record.value());
            if (point != null && point.source() == Source.RUM && point.resolution() == Resolution.MINUTE
                    && TrendKey.ALL.equals(point.route()) && TrendKey.ALL.equals(point.device()) && METRICS.contains(point.metric())) {
                minutes.record(point.tenant(), point.metric(), point.windowStart(), point.count(), point.p75());
            }
        } catch (RuntimeException e) {
            LOG.warnf("skipping trend point at offset %d: %s", record.offset(), e.getMessage());
        }
    }
}
