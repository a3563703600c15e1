package com.wedsync.perf.alerting.wedding;

import com.wedsync.perf.alerting.AlertingConfig;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.WeddingStatus;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.kafka.CompactedTopicReader;
import com.wedsync.perf.service.kafka.DeadLetterWriter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every scheduled wedding, from the compacted {@code perf.weddings.v1}: a tenant is on a wedding day from
 * {@code before} its ceremony until {@code after} it (default 2 h before to 8 h after).
 */
@ApplicationScoped
public class WeddingCalendar {

    private final Map<String, WeddingSchedule> weddings = new ConcurrentHashMap<>();
    private final String bootstrapServers;
    private final DeadLetterWriter deadLetters;
    private final AlertingConfig config;
    private CompactedTopicReader<WeddingSchedule> reader;

    public WeddingCalendar(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           AlertingConfig config, DeadLetterWriter deadLetters) {
        this.bootstrapServers = bootstrapServers;
        this.deadLetters = deadLetters;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        reader = new CompactedTopicReader<>(bootstrapServers, "alerting-service-weddings", Topics.WEDDINGS,
                changes -> changes.forEach((key, value) -> {
                    if (value.isPresent()) {
                        weddings.put(key, value.get());
                    } else {
                        weddings.remove(key);
                    }
                }), deadLetters).start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (reader != null) {
            reader.close();
        }
    }

    /** The tenant's wedding whose window contains {@code at}, the nearest ceremony if several do. */
    public Optional<WeddingDay> weddingDay(String tenant, Instant at) {
        return weddings.values().stream()
                .filter(w -> w.tenant().equals(tenant) && w.status() == WeddingStatus.SCHEDULED)
                .filter(w -> !at.isBefore(w.ceremonyAt().minus(config.wedding().before()))
                        && at.isBefore(w.ceremonyAt().plus(config.wedding().after())))
                .min(Comparator.comparing(w -> Math.abs(w.ceremonyAt().toEpochMilli() - at.toEpochMilli())))
                .map(w -> new WeddingDay(w.weddingId(), w.ceremonyAt(), w.guestCount()));
    }

    public boolean isLoaded() {
        return reader != null && reader.isLoaded();
    }
}
