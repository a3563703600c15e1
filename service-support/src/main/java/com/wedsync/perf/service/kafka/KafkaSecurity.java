package com.wedsync.perf.service.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Kafka's standard TLS and SASL client settings from the environment — {@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}… (or the
 * {@code kafka.*} properties) — for the clients a service builds itself. The SmallRye channels and Kafka Streams take
 * the same variables through Quarkus' {@code kafka.*} configuration, so every client of a service connects the same way.
 */
public final class KafkaSecurity {

    static final List<String> KEYS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "sasl.client.callback.handler.class", "sasl.login.callback.handler.class", "sasl.oauthbearer.token.endpoint.url",
            "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type", "ssl.truststore.certificates",
            "ssl.keystore.location", "ssl.keystore.password", "ssl.keystore.type", "ssl.keystore.certificate.chain",
            "ssl.keystore.key", "ssl.key.password", "ssl.endpoint.identification.algorithm");

    private KafkaSecurity() {
    }

    /** The security settings configured (none: plaintext, Kafka's default). */
    public static Map<String, Object> settings() {
        Config config = ConfigProvider.getConfig();
        Map<String, Object> settings = new HashMap<>();
        for (String key : KEYS) {
            config.getOptionalValue("kafka." + key, String.class).filter(value -> !value.isBlank())
                    .ifPresent(value -> settings.put(key, value));
        }
        return settings;
    }

    /** A client's own settings on top of the security settings. */
    public static Map<String, Object> with(Map<String, ?> own) {
        Map<String, Object> all = settings();
        all.putAll(own);
        return all;
    }
}
