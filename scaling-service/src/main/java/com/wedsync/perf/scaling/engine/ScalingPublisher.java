package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.kafka.KafkaSecurity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends stored recommendations to {@code perf.scaling.v1} (key: tenant or {@value ScalingRecommendation#PLATFORM}),
 * oldest first, and marks them sent once Kafka acknowledged; what Kafka did not take is sent on the next round.
 */
@ApplicationScoped
public class ScalingPublisher {

    private static final Logger LOG = Logger.getLogger(ScalingPublisher.class);

    private final RecommendationStore recommendations;
    private final KafkaProducer<String, ScalingRecommendation> producer;

    public ScalingPublisher(RecommendationStore recommendations,
                            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.recommendations = recommendations;
        this.producer = new KafkaProducer<>(KafkaSecurity.with(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "enable.idempotence", true, "client.id", "scaling-service-publisher", "delivery.timeout.ms", 10_000,
                "request.timeout.ms", 5_000, "max.block.ms", 5_000)),
                Topics.SCALING.keySerde().serializer(), Topics.SCALING.valueSerde().serializer());
    }

    /** Publishes what is waiting; answers how many went out. */
    public synchronized int publishWaiting() {
        int sent = 0;
        List<RecommendationStore.Stored> waiting;
        while (!(waiting = recommendations.unpublished(500)).isEmpty()) {
            List<UUID> done = new ArrayList<>();
            try {
                List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
                for (RecommendationStore.Stored r : waiting) {
                    acks.add(producer.send(new ProducerRecord<>(Topics.SCALING.name(), r.recommendation().tenant(), r.recommendation())));
                }
                for (int i = 0; i < acks.size(); i++) {
                    acks.get(i).get(10, TimeUnit.SECONDS);
                    done.add(waiting.get(i).id());
                }
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.warnf("perf.scaling.v1 unavailable, %d recommendations wait: %s", waiting.size() - done.size(), e.getMessage());
                if (!done.isEmpty()) {
                    recommendations.published(done);
                }
                return sent + done.size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            }
            recommendations.published(done);
            sent += done.size();
        }
        return sent;
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(2));
    }
}
