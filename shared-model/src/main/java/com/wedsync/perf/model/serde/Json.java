package com.wedsync.perf.model.serde;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.time.Instant;

/**
 * The one JSON mapping of events on Kafka: ISO-8601 instants, nulls omitted, unknown fields ignored
 * (a reader of v1 keeps working when a writer adds an optional field).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Added after JavaTimeModule, so it is asked first: the common form of instant without a formatter.
            .addModule(new SimpleModule("fast-instants").addDeserializer(Instant.class, new FastInstantDeserializer()))
            // Generated accessors instead of reflection: every event on the hot path is written through here.
            .addModule(new BlackbirdModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it: every topic's bytes depend on it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
