package com.wedsync.perf.alerting.intake;

import com.wedsync.perf.alerting.lifecycle.AlertRow;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What one input record, read, asks of the database: its offset to claim, the open alert to lock together with the
 * claim ({@code lockFingerprint}, a trend point's threshold alert; null for none), and the work to do once the offset
 * is claimed, given that alert.
 */
record Change(ConsumerRecord<byte[], byte[]> record, String lockFingerprint, Consumer<Optional<AlertRow>> work) {

    static Change of(ConsumerRecord<byte[], byte[]> record, Runnable work) {
        return new Change(record, null, ignored -> work.run());
    }

    TopicPartition partition() {
        return new TopicPartition(record.topic(), record.partition());
    }

    long offset() {
        return record.offset();
    }
}
