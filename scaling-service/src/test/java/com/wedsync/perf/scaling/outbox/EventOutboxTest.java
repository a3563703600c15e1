package com.wedsync.perf.scaling.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.localstack.TopicRecords;
import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.outbox.EventOutbox;
import com.wedsync.perf.service.outbox.OutboxRows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shared transactional outbox against the real broker and database: an event leaves only if the change that wrote
 * it committed, once per dedup key, in the order written, and waits out a broker that is away.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "scaling"))
class EventOutboxTest {

    private static final TopicRecords TOPIC = new TopicRecords(LocalStack.shared().bootstrapServers());

    @Inject
    EventOutbox outbox;

    @Inject
    OutboxRows rows;

    @Test
    void shouldPublishOnlyWhatCommittedAndOncePerDedupKey() {
        String tenant = "outbox-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.append(Topics.SCALING, tenant, recommendation(tenant, 1, "rolled back"));
                throw new IllegalStateException("the change fails");
            });
        } catch (IllegalStateException expected) {
            // the change and its event are gone together
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.append(Topics.SCALING, tenant,
                recommendation(tenant, 2, "kept"), tenant + ":2"));
        QuarkusTransaction.requiringNew().run(() -> outbox.append(Topics.SCALING, tenant,
                recommendation(tenant, 2, "a retry of kept"), tenant + ":2"));
        QuarkusTransaction.requiringNew().run(() -> outbox.append(Topics.SCALING, tenant,
                recommendation(tenant, 3, "next")));

        await().atMost(Duration.ofSeconds(30)).until(() -> reasons(tenant), found -> found.contains("next"));
        assertThat(reasons(tenant)).containsExactly("kept", "next");
    }

    @Test
    void shouldKeepEventsWhileTheBrokerIsAwayAndPublishThemInOrderWhenItIsBack() throws Exception {
        String tenant = "outbox-away-" + UUID.randomUUID().toString().substring(0, 8);
        LocalStack.shared().stopBroker();
        try {
            for (int i = 1; i <= 20; i++) {
                int n = i;
                QuarkusTransaction.requiringNew().run(() -> outbox.append(Topics.SCALING, tenant,
                        recommendation(tenant, n, "event " + n)));
            }
            Thread.sleep(3_000);
            assertThat(rows.waiting()).as("queued, not lost, while Kafka is away").isGreaterThanOrEqualTo(20);
        } finally {
            LocalStack.shared().startBroker();
        }

        List<String> expected = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "event " + i).toList();
        await().atMost(Duration.ofSeconds(90)).until(() -> reasons(tenant), found -> found.size() >= 20);
        assertThat(reasons(tenant)).as("each once, in the order written").isEqualTo(expected);
    }

    private static ScalingRecommendation recommendation(String tenant, int hour, String reason) {
        Instant from = Instant.parse("2026-06-13T00:00:00Z").plus(Duration.ofHours(hour));
        return new ScalingRecommendation(tenant, Instant.now(), from, from.plus(Duration.ofHours(1)), 2, 20, 256, 1.0, 30,
                false, reason);
    }

    private static List<String> reasons(String tenant) {
        return TOPIC.readAll(Topics.SCALING.name()).stream()
                .filter(r -> tenant.equals(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8)))
                .map(r -> Topics.SCALING.valueSerde().deserializer().deserialize(Topics.SCALING.name(), r.value()).reason())
                .toList();
    }
}
