package com.wedsync.perf.aggregation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.wedsync.perf.localstack.LocalStack;
import com.wedsync.perf.localstack.TopicRecords;
import com.wedsync.perf.model.event.DeadLetter;
import com.wedsync.perf.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.internals.DefaultErrorHandlerContext;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** The topology's last line of defence writes a real dead letter to the broker and lets the stream go on. */
class DeadLetterExceptionHandlerTest {

    @Test
    void shouldWriteTheUnreadableRecordToTheDeadLetterTopicAndContinue() {
        String bootstrap = LocalStack.shared().bootstrapServers();
        DeadLetterExceptionHandler handler = new DeadLetterExceptionHandler();
        handler.configure(Map.of("bootstrap.servers", bootstrap, "application.id", "handler-test"));
        String marker = "{\"unreadable\": \"" + System.nanoTime() + "\"}";
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("perf-aggregation-partials-repartition", 4, 1234L,
                null, marker.getBytes(StandardCharsets.UTF_8));

        DeserializationHandlerResponse response = handler.handle(new DefaultErrorHandlerContext(null, record.topic(),
                record.partition(), record.offset(), new RecordHeaders(), "source", new TaskId(0, 4), 0L,
                record.key(), record.value()), record, new SerializationException("bad partial"));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        DeadLetter letter = new TopicRecords(bootstrap).readAll(Topics.DEAD_LETTERS.name()).stream()
                .map(r -> Topics.DEAD_LETTERS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .filter(l -> marker.equals(l.value())).findFirst().orElseThrow();
        assertThat(letter.sourceTopic()).isEqualTo("perf-aggregation-partials-repartition");
        assertThat(letter.partition()).isEqualTo(4);
        assertThat(letter.offset()).isEqualTo(1234L);
        assertThat(letter.reason()).contains("unreadable", "bad partial");
        assertThat(letter.consumer()).isEqualTo("aggregation-streams");
    }
}
