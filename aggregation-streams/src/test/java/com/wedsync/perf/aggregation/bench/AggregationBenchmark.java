package com.wedsync.perf.aggregation.bench;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.aggregation.topology.AggregationTopology;
import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.StackSettings;
import com.wedsync.perf.model.topic.CleanupPolicy;
import com.wedsync.perf.model.topic.Topic;
import com.wedsync.perf.model.topic.TopicProvisioner;
import com.wedsync.perf.model.topic.Topics;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The aggregation benchmark (not a test): pre-loads RUM metrics on a fresh local broker, then measures the trend
 * topology against a pass-through topology (read, deserialize, serialize, write) in alternating rounds, both with
 * exactly_once_v2; then the state size per series and per remembered id, and the trend API's latency under 50
 * concurrent clients.
 * Run it with {@code aggregation-streams/bench/run}.
 */
public final class AggregationBenchmark {

    private static final Topic<?, ?> PASS_THROUGH_OUT = new Topic<>("bench.passthrough.v1", Topics.RUM.partitions(),
            CleanupPolicy.DELETE, Duration.ofHours(1), Topics.RUM.keySerde(), Topics.RUM.valueSerde());

    private AggregationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Unconfigured, the log manager on this classpath enables TRACE, and Kafka Streams would format every record.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        long records = Long.parseLong(System.getProperty("bench.records", "2000000"));
        int rounds = Integer.getInteger("bench.rounds", 3);
        int threads = Integer.getInteger("bench.threads", 1);
        try (LocalStack stack = LocalStack.start(StackSettings.forTests(System.getenv(),
                Files.createTempDirectory("aggregation-bench")))) {
            String bootstrap = stack.bootstrapServers();
            List<Topic<?, ?>> topics = new ArrayList<>(Topics.all());
            topics.add(PASS_THROUGH_OUT);
            TopicProvisioner.ensureTopics(bootstrap, topics);
            long started = System.nanoTime();
            long loaded = BenchData.load(bootstrap, records, 20, 30, Instant.now());
            System.out.printf("loaded %,d records in %.1f s%n", loaded, (System.nanoTime() - started) / 1e9);

            double[] passThrough = new double[rounds];
            double[] aggregation = new double[rounds];
            System.out.println("warm-up round (not counted: on two cores the JIT needs a while) ...");
            ThroughputRun.measure(bootstrap, passThrough(), "bench-warmup-pass-" + uuid(), Topics.RUM.name(), threads);
            ThroughputRun.measure(bootstrap, AggregationTopology.build(AggregationSettings.defaults()),
                    "bench-warmup-aggregation-" + uuid(), Topics.RUM.name(), threads);
            for (int round = 0; round < rounds; round++) {
                passThrough[round] = ThroughputRun.measure(bootstrap, passThrough(), "bench-pass-" + uuid(),
                        Topics.RUM.name(), threads);
                aggregation[round] = ThroughputRun.measure(bootstrap, AggregationTopology.build(AggregationSettings.defaults()),
                        "bench-aggregation-" + uuid(), Topics.RUM.name(), threads);
                System.out.printf("round %d: pass-through %,.0f records/s, aggregation %,.0f records/s, ratio %.2f%n",
                        round + 1, passThrough[round], aggregation[round], aggregation[round] / passThrough[round]);
            }
            double medianPass = median(passThrough);
            double medianAggregation = median(aggregation);
            System.out.printf("RESULT throughput: aggregation %,.0f records/s, pass-through %,.0f records/s, ratio %.2f "
                    + "(medians of %d rounds, %,d records, exactly_once_v2, %d stream thread(s))%n",
                    medianAggregation, medianPass, medianAggregation / medianPass, rounds, loaded, threads);

            SeriesFootprint.print();
            IdFootprint.print();
            if (Boolean.parseBoolean(System.getProperty("bench.api", "true"))) {
                ApiLatency.measure(bootstrap, loaded);
            }
        }
    }

    private static Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RUM.name(), Consumed.with(Topics.RUM.keySerde(), Topics.RUM.valueSerde()))
                .to(PASS_THROUGH_OUT.name(), Produced.with(Topics.RUM.keySerde(), Topics.RUM.valueSerde()));
        return builder.build();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String uuid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
