package com.wedsync.perf.aggregation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.aggregation.topology.AggregationTopology;
import com.wedsync.perf.aggregation.topology.TrendStores;
import com.wedsync.perf.service.api.ApiException;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** Before Kafka Streams is running, queries fail fast with 503 + Retry-After instead of waiting or looping. */
class StoreNotReadyTest {

    @Test
    void shouldAnswer503WithRetryAfterWhileTheStoresAreNotQueryable() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "not-started");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        try (KafkaStreams streams = new KafkaStreams(AggregationTopology.build(AggregationSettings.defaults()), props)) {
            TrendStoreReader reader = new TrendStoreReader(streams, "127.0.0.1:8082");

            ApiException fetch = catchThrowableOfType(ApiException.class, () -> reader.fetch(TrendStores.MINUTE_HISTORY,
                    "key", Instant.EPOCH, Instant.now()));
            ApiException owner = catchThrowableOfType(ApiException.class,
                    () -> reader.owner(TrendStores.MINUTE_HISTORY, "key"));

            for (ApiException refusal : new ApiException[] {fetch, owner}) {
                assertThat(refusal.status()).isEqualTo(503);
                assertThat(refusal.headers()).containsEntry("Retry-After", "2");
            }
        }
    }
}
