package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.topology.TrendStores;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import com.wedsync.perf.aggregation.wedding.WeddingTiming;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The weddings this instance knows from its copy of {@code perf.weddings.v1} (a global table). */
@ApplicationScoped
public class WeddingSchedules {

    private final KafkaStreams streams;

    public WeddingSchedules(KafkaStreams streams) {
        this.streams = streams;
    }

    /** A tenant's weddings read at most per request: more than a season of the busiest studio. */
    static final int MAX_WEDDINGS = 5_000;

    /** The tenant's weddings whose ceremony falls on {@code day} in the venue's own time zone, by ceremony time. */
    public List<WeddingSchedule> onDay(String tenant, LocalDate day) {
        List<WeddingSchedule> weddings = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store().prefixScan(WeddingTiming.key(tenant, ""), new StringSerializer())) {
            int read = 0;
            while (entries.hasNext() && read++ < MAX_WEDDINGS) {
                WeddingSchedule wedding = readable(entries.next().value);
                if (wedding != null && wedding.tenant().equals(tenant) && wedding.localCeremonyTime().toLocalDate().equals(day)) {
                    weddings.add(wedding);
                }
            }
        } catch (InvalidStateStoreException | IllegalStateException notReady) {
            throw notReady(notReady);
        }
        weddings.sort(Comparator.comparing(WeddingSchedule::ceremonyAt));
        return weddings;
    }

    /** The tenant's wedding, when the planner scheduled it and its record can be read. */
    public Optional<WeddingSchedule> of(String tenant, String weddingId) {
        byte[] value;
        try {
            value = store().get(WeddingTiming.key(tenant, weddingId));
        } catch (InvalidStateStoreException | IllegalStateException notReady) {
            throw notReady(notReady);
        }
        WeddingSchedule wedding = readable(value);
        return wedding != null && wedding.tenant().equals(tenant) ? Optional.of(wedding) : Optional.empty();
    }

    private ReadOnlyKeyValueStore<String, byte[]> store() {
        return streams.store(StoreQueryParameters.fromNameAndType(TrendStores.WEDDING_SCHEDULES,
                QueryableStoreTypes.<String, byte[]>keyValueStore()));
    }

    /** A schedule, or null when there is none or it cannot be read (the topology logs those as it meets them). */
    private static WeddingSchedule readable(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return Topics.WEDDINGS.valueSerde().deserializer().deserialize(Topics.WEDDINGS.name(), value);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static ApiException notReady(RuntimeException cause) {
        return ApiException.unavailable("wedding schedules are not queryable yet: " + cause.getMessage(),
                TrendStoreReader.RETRY_AFTER_SECONDS);
    }
}
