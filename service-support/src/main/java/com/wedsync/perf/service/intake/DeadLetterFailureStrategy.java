package com.wedsync.perf.service.intake;

import com.wedsync.perf.service.kafka.DeadLetterWriter;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The Kafka connector's failure strategy {@code perf-dead-letter}: a record its handler gave up on is written to
 * {@code perf.deadletter.v1} as a typed {@link com.wedsync.perf.model.event.DeadLetter} and acknowledged, so the
 * partition moves on. A record left because the service is stopping is not acknowledged (it is read again after the
 * restart); when even the dead-letter topic cannot be written, the channel fails (and its health says so) rather
 * than dropping the record — here, or in a batch handler that writes its own dead letters
 * ({@link DeadLetterWriter.DeadLetterUnwritableException}).
 */
@ApplicationScoped
@Identifier("perf-dead-letter")
public class DeadLetterFailureStrategy implements KafkaFailureHandler.Factory {

    private final DeadLetterWriter writer;

    public DeadLetterFailureStrategy(DeadLetterWriter writer) {
        this.writer = writer;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                      KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (reason instanceof RecordHandling.ServiceStoppingException) {
                    return Uni.createFrom().voidItem();
                }
                if (reason instanceof DeadLetterWriter.DeadLetterUnwritableException) {
                    // A batch handler dead-letters its own records; when it could not, nothing of the batch is acknowledged.
                    reportFailure.accept(reason, true);
                    return Uni.createFrom().voidItem();
                }
                return Uni.createFrom().item(() -> {
                    writer.write(raw(record), reason.getMessage() == null ? reason.toString() : reason.getMessage());
                    return record;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .chain(written -> Uni.createFrom().completionStage(written.ack()))
                        .onFailure().invoke(failure -> reportFailure.accept(failure, true));
            }
        };
    }

    private static ConsumerRecord<byte[], byte[]> raw(IncomingKafkaRecord<?, ?> record) {
        return new ConsumerRecord<>(record.getTopic(), record.getPartition(), record.getOffset(),
                bytes(record.getKey()), bytes(record.getPayload()));
    }

    private static byte[] bytes(Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        return value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
