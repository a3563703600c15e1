package com.wedsync.perf.scaling.wedding;

import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.WeddingStatus;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.kafka.CompactedTopicReader;
import com.wedsync.perf.service.kafka.DeadLetterWriter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every wedding, past and scheduled, from the compacted {@code perf.weddings.v1} (past weddings teach the wedding
 * effect, scheduled ones are forecast). A change fires {@link WeddingsChanged} with the tenants it concerns.
 */
@ApplicationScoped
public class WeddingBook {

    /** The tenants whose weddings were added, moved, resized or cancelled. */
    public record WeddingsChanged(Set<String> tenants) {
    }

    private final Map<String, WeddingSchedule> weddings = new ConcurrentHashMap<>();
    private final String bootstrapServers;
    private final DeadLetterWriter deadLetters;
    private final Event<WeddingsChanged> changed;
    private CompactedTopicReader<WeddingSchedule> reader;

    public WeddingBook(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, Event<WeddingsChanged> changed,
                       DeadLetterWriter deadLetters) {
        this.bootstrapServers = bootstrapServers;
        this.deadLetters = deadLetters;
        this.changed = changed;
    }

    void start(@Observes StartupEvent started) {
        reader = new CompactedTopicReader<>(bootstrapServers, "scaling-service-weddings", Topics.WEDDINGS, changes -> {
            Set<String> tenants = new HashSet<>();
            changes.forEach((id, value) -> {
                WeddingSchedule before = value.isPresent() ? weddings.put(id, value.get()) : weddings.remove(id);
                value.ifPresent(w -> tenants.add(w.tenant()));
                if (before != null) {
                    tenants.add(before.tenant());
                }
            });
            if (!tenants.isEmpty()) {
                changed.fire(new WeddingsChanged(tenants));
            }
        }, deadLetters).start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (reader != null) {
            reader.close();
        }
    }

    /** Scheduled (not cancelled) weddings by tenant. */
    public Map<String, List<WeddingSchedule>> byTenant() {
        Map<String, List<WeddingSchedule>> byTenant = new HashMap<>();
        weddings.values().stream().filter(w -> w.status() == WeddingStatus.SCHEDULED)
                .forEach(w -> byTenant.computeIfAbsent(w.tenant(), t -> new java.util.ArrayList<>()).add(w));
        return byTenant;
    }

    public Collection<WeddingSchedule> all() {
        return weddings.values();
    }

    public boolean isLoaded() {
        return reader != null && reader.isLoaded();
    }
}
