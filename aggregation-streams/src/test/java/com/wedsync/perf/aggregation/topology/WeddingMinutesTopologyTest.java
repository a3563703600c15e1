package com.wedsync.perf.aggregation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.aggregation.AggregationSettings;
import com.wedsync.perf.aggregation.wedding.WeddingMinute;
import com.wedsync.perf.aggregation.wedding.WeddingTiming;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.event.WeddingStatus;
import com.wedsync.perf.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

/**
 * Server timings of a scheduled wedding are counted per wedding and minute, exactly, against each operation's
 * wedding-day objective; timings of unknown, cancelled or other tenants' weddings, or outside the wedding's window,
 * are not, and an unreadable schedule breaks nothing.
 */
class WeddingMinutesTopologyTest {

    private static final Instant CEREMONY = Instant.parse("2026-06-13T14:00:00Z");
    private static final Instant MINUTE = CEREMONY.minus(Duration.ofMinutes(30));

    @Test
    void shouldCountEachMinuteOfAScheduledWeddingExactlyAgainstTheObjectives() {
        try (TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), MINUTE.minusSeconds(5))) {
            TestInputTopic<String, WeddingSchedule> weddings = weddings(harness);
            weddings.pipeInput(WeddingTiming.key("studio", "w-42"), wedding("studio", "w-42", WeddingStatus.SCHEDULED));
            weddings.pipeInput(WeddingTiming.key("studio", "w-gone"), wedding("studio", "w-gone", WeddingStatus.CANCELLED));
            harness.raw(Topics.WEDDINGS.name()).pipeInput("studio/w-bad".getBytes(StandardCharsets.UTF_8),
                    "{not a schedule".getBytes(StandardCharsets.UTF_8));

            Random random = new Random(42);
            long within = 0;
            long good = 0;
            long errors = 0;
            List<ServerTiming> sent = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                double ms = 40 + random.nextDouble() * 120; // timeline sync between 40 and 160 ms: its objective is 100
                boolean error = random.nextDouble() < 0.01;
                within += ms <= 100 ? 1 : 0;
                good += ms <= 100 && !error ? 1 : 0;
                errors += error ? 1 : 0;
                sent.add(new ServerTiming("studio", "timeline_sync", null, ms, error ? 503 : 200, error, "w-42",
                        MINUTE.plusMillis(i * 50L)));
            }
            sent.forEach(harness::send);
            harness.send(new ServerTiming("studio", "photo_upload", null, 3000, 200, false, "w-42", MINUTE.plusSeconds(51)));
            // Not this wedding's: an id the schedule does not know, a cancelled wedding, an unreadable schedule, another
            // tenant naming this wedding, and a timing a day before the ceremony.
            harness.send(new ServerTiming("studio", "timeline_sync", null, 500, 200, false, "w-invented", MINUTE.plusSeconds(52)));
            harness.send(new ServerTiming("studio", "timeline_sync", null, 500, 200, false, "w-gone", MINUTE.plusSeconds(53)));
            harness.send(new ServerTiming("studio", "timeline_sync", null, 500, 200, false, "w-bad", MINUTE.plusSeconds(54)));
            harness.send(new ServerTiming("intruder", "timeline_sync", null, 500, 200, false, "w-42", MINUTE.plusSeconds(55)));
            harness.idle(Duration.ofSeconds(10));

            List<KeyValue<String, WeddingMinute>> minutes = minutes(harness);
            assertThat(minutes).extracting(kv -> kv.key).containsOnly("studio/w-42");
            WeddingMinute minute = minutes.get(0).value;
            assertThat(minute.operations()).containsOnlyKeys("timeline_sync", "photo_upload");
            WeddingMinute.Counts sync = minute.operations().get("timeline_sync");
            assertThat(sync.requests()).isEqualTo(1000);
            assertThat(sync.withinLatency()).isEqualTo(within);
            assertThat(sync.good()).isEqualTo(good);
            assertThat(sync.errors()).isEqualTo(errors);
            assertThat(minute.operations().get("photo_upload").good()).as("3 s is within 5 s").isEqualTo(1);
            assertThat(minute.ceremonyAt()).isEqualTo(CEREMONY.toEpochMilli());

            harness.send(new ServerTiming("studio", "timeline_sync", null, 50, 200, false, "w-42",
                    CEREMONY.minus(Duration.ofHours(7))));
            harness.idle(Duration.ofSeconds(1));
            assertThat(minutes(harness)).as("a timing before the wedding's window").hasSize(1);
        }
    }

    @Test
    void shouldCountASampledTimingAsTheRequestsItStandsFor() {
        try (TopologyHarness harness = new TopologyHarness(AggregationSettings.defaults(), MINUTE.minusSeconds(5))) {
            weddings(harness).pipeInput(WeddingTiming.key("studio", "w-42"), wedding("studio", "w-42", WeddingStatus.SCHEDULED));
            // 100 spans sampled at one in four (each stands for 4 requests), a quarter of them failed, and 10 unsampled.
            for (int i = 0; i < 100; i++) {
                boolean error = i % 4 == 0;
                harness.send(new ServerTiming("studio", "photo_upload", null, 1000 + i, error ? 503 : 201, error, "w-42",
                        MINUTE.plusMillis(i * 100L), null, null, 4L));
            }
            for (int i = 0; i < 10; i++) {
                harness.send(new ServerTiming("studio", "photo_upload", null, 9000, 201, false, "w-42",
                        MINUTE.plusSeconds(20 + i)));
            }
            harness.idle(Duration.ofSeconds(70));

            TrendPoint minute = harness.emitted().stream().filter(p -> p.metric().equals("photo_upload")
                    && p.resolution() == Resolution.MINUTE).findFirst().orElseThrow();
            assertThat(minute.count()).isEqualTo(410);
            assertThat(minute.errors()).isEqualTo(100);
            assertThat(minute.p95()).as("the 10 slow unsampled uploads are 2.4 %% of the requests, above p95")
                    .isLessThan(1200);
            WeddingMinute.Counts uploads = minutes(harness).get(0).value.operations().get("photo_upload");
            assertThat(uploads.requests()).isEqualTo(410);
            assertThat(uploads.errors()).isEqualTo(100);
            assertThat(uploads.withinLatency()).as("5 s objective: all but the 9 s ones").isEqualTo(400);
        }
    }

    private static TestInputTopic<String, WeddingSchedule> weddings(TopologyHarness harness) {
        return harness.driver.createInputTopic(Topics.WEDDINGS.name(), Topics.WEDDINGS.keySerde().serializer(),
                Topics.WEDDINGS.valueSerde().serializer());
    }

    private static WeddingSchedule wedding(String tenant, String id, WeddingStatus status) {
        return new WeddingSchedule(id, tenant, CEREMONY, "Europe/London", 300, 12, status, MINUTE.minus(Duration.ofDays(30)));
    }

    private static List<KeyValue<String, WeddingMinute>> minutes(TopologyHarness harness) {
        WindowStore<String, ValueAndTimestamp<WeddingMinute>> store = harness.driver.getTimestampedWindowStore(
                TrendStores.WEDDING_MINUTES);
        List<KeyValue<String, WeddingMinute>> minutes = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, ValueAndTimestamp<WeddingMinute>> all = store.all()) {
            all.forEachRemaining(entry -> minutes.add(KeyValue.pair(entry.key.key(), entry.value.value())));
        }
        return minutes;
    }
}
