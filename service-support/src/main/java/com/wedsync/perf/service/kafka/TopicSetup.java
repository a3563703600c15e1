package com.wedsync.perf.service.kafka;

import com.wedsync.perf.model.topic.TopicProvisioner;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the registry's missing topics when the service starts, before anything reads or writes them, so the
 * service also runs on a bare cluster (docker compose). Off where an operator manages topics
 * ({@code PERF_CREATE_TOPICS=false}); a failure is logged and readiness then tells the rest.
 */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    void ensureTopics(@Observes @Priority(1) StartupEvent started,
                      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                      @ConfigProperty(name = "perf.create-topics", defaultValue = "true") boolean createTopics) {
        if (!createTopics) {
            return;
        }
        try {
            List<String> created = TopicProvisioner.ensureTopics(KafkaSecurity.with(Map.of("bootstrap.servers", bootstrapServers)), Topics.all());
            if (!created.isEmpty()) {
                LOG.infof("created topics %s", created);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not create the registry's topics on %s: %s", bootstrapServers, e.getMessage());
        }
    }
}
