package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.topology.TrendStores;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
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

    /** The tenant's wedding, when the planner scheduled it and its record can be read. */
    public Optional<WeddingSchedule> of(String tenant, String weddingId) {
        byte[] value;
        try {
            ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(
                    TrendStores.WEDDING_SCHEDULES, QueryableStoreTypes.<String, byte[]>keyValueStore()));
            value = store.get(com.wedsync.perf.aggregation.wedding.WeddingTiming.key(tenant, weddingId));
        } catch (InvalidStateStoreException | IllegalStateException notReady) {
            throw ApiException.unavailable("wedding schedules are not queryable yet: " + notReady.getMessage(),
                    TrendStoreReader.RETRY_AFTER_SECONDS);
        }
        if (value == null) {
            return Optional.empty();
        }
        try {
            WeddingSchedule wedding = Topics.WEDDINGS.valueSerde().deserializer().deserialize(Topics.WEDDINGS.name(), value);
            return wedding.tenant().equals(tenant) ? Optional.of(wedding) : Optional.empty();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
