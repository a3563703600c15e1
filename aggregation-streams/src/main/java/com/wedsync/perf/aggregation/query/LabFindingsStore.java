package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.aggregation.topology.TrendStores;
import com.wedsync.perf.model.event.LabFindings;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.api.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jboss.logging.Logger;

/**
 * The newest Lighthouse findings of a tenant's routes, from this instance's copy of {@code perf.lighthouse.v1} (a
 * global table, so every instance has all of it). A record that cannot be read, or that names another tenant than its
 * key, is skipped, logged and counted ({@code perf.lab.findings.unreadable}) — advice goes on without it.
 */
@ApplicationScoped
public class LabFindingsStore {

    private static final Logger LOG = Logger.getLogger(LabFindingsStore.class);
    /** A tenant's routes with findings that one request reads at most. */
    static final int MAX_ROUTES = 200;

    private final KafkaStreams streams;
    private final Counter unreadable;
    private final Deserializer<LabFindings> reader = Topics.LIGHTHOUSE.valueSerde().deserializer();

    public LabFindingsStore(KafkaStreams streams, MeterRegistry metrics) {
        this.streams = streams;
        this.unreadable = metrics.counter("perf.lab.findings.unreadable");
    }

    /** Route → its findings, for one tenant. */
    public Map<String, LabFindings> ofTenant(String tenant) {
        Map<String, LabFindings> byRoute = new LinkedHashMap<>();
        String prefix = LabFindings.key(tenant, "");
        try (KeyValueIterator<String, byte[]> entries = store().prefixScan(prefix, new StringSerializer())) {
            while (entries.hasNext() && byRoute.size() < MAX_ROUTES) {
                var entry = entries.next();
                LabFindings findings = read(entry.key, entry.value);
                if (findings != null && findings.tenant().equals(tenant) && entry.key.equals(LabFindings.key(tenant, findings.route()))) {
                    byRoute.put(findings.route(), findings);
                } else if (findings != null) {
                    skip(entry.key, "its value is for tenant " + findings.tenant() + ", route " + findings.route());
                }
            }
        } catch (InvalidStateStoreException | IllegalStateException notReady) {
            throw ApiException.unavailable("Lighthouse findings are not queryable yet: " + notReady.getMessage(),
                    TrendStoreReader.RETRY_AFTER_SECONDS);
        }
        return byRoute;
    }

    private LabFindings read(String key, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return reader.deserialize(Topics.LIGHTHOUSE.name(), value);
        } catch (RuntimeException unreadableValue) {
            skip(key, unreadableValue.getMessage());
            return null;
        }
    }

    private void skip(String key, String why) {
        unreadable.increment();
        LOG.warnf("skipping the Lighthouse findings under key '%s' of %s: %s", key, Topics.LIGHTHOUSE.name(), why);
    }

    private ReadOnlyKeyValueStore<String, byte[]> store() {
        return streams.store(StoreQueryParameters.fromNameAndType(TrendStores.LAB_FINDINGS,
                QueryableStoreTypes.<String, byte[]>keyValueStore()));
    }
}
