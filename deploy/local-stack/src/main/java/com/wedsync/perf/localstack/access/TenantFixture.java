package com.wedsync.perf.localstack.access;

import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.event.TenantToken;
import com.wedsync.perf.model.event.Tier;
import com.wedsync.perf.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A tenant for tests of services that read tenants from {@code perf.tenants.v1}: published straight to the topic,
 * as ingest would, with one token of each scope ({@code reader}, {@code writer}, {@code admin}).
 */
public final class TenantFixture {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The tenant's bearer tokens, each as a whole Authorization header value ({@code Bearer …}). */
    public record Tokens(String read, String write, String admin) {
    }

    private TenantFixture() {
    }

    public static Tokens publish(String bootstrapServers, String tenantId) {
        Instant now = Instant.now();
        String read = secret("rt_"), write = secret("wt_"), admin = secret("at_");
        List<TenantToken> tokens = List.of(
                new TenantToken("reader", com.wedsync.perf.model.event.TokenScope.READ, hash(read), now),
                new TenantToken("writer", com.wedsync.perf.model.event.TokenScope.WRITE, hash(write), now),
                new TenantToken("admin", com.wedsync.perf.model.event.TokenScope.ADMIN, hash(admin), now));
        TenantConfig tenant = new TenantConfig(tenantId, tenantId, Tier.STANDARD, List.of("pk_" + tenantId),
                List.of("https://app.wedsync.example"), null, List.of(), null, now, tokens);
        try (KafkaProducer<String, TenantConfig> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers,
                "acks", "all"), Topics.TENANTS.keySerde().serializer(), Topics.TENANTS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.TENANTS.name(), tenantId, tenant)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted publishing " + tenantId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish tenant " + tenantId + ": " + e.getCause(), e);
        }
        return new Tokens("Bearer " + read, "Bearer " + write, "Bearer " + admin);
    }

    /** The hash the tenants topic carries for a secret: {@code sha256:<hex>}, as the services' SecretHash writes it. */
    static String hash(String secret) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String secret(String prefix) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return prefix + "test_" + HexFormat.of().formatHex(bytes);
    }
}
