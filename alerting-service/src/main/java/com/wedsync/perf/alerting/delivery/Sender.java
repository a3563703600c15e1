package com.wedsync.perf.alerting.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.alerting.AlertingConfig;
import com.wedsync.perf.model.event.AlertEvent;
import com.wedsync.perf.service.auth.WebhookSignature;
import com.wedsync.perf.model.topic.Topics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes one delivery attempt: Block Kit to Slack, the signed notification to a generic webhook, the alert event to
 * {@code perf.alerts.v1}. Says how it ended; URLs never appear in what it returns or logs.
 */
@ApplicationScoped
public class Sender {

    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final NotificationTargets targets;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Duration timeout;
    private final KafkaProducer<String, AlertEvent> producer;

    public Sender(NotificationTargets targets, ObjectMapper json, AlertingConfig config,
                  @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.targets = targets;
        this.json = json;
        this.timeout = config.delivery().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "acks", "all",
                "enable.idempotence", true, "client.id", "alerting-service-alerts", "max.block.ms", 10_000,
                "delivery.timeout.ms", 10_000, "request.timeout.ms", 5_000),
                Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer());
    }

    void close(@Observes ShutdownEvent stopping) {
        producer.close(Duration.ofSeconds(2));
    }

    Outcome send(Destination destination, Notification notification) {
        if (destination.channel() == Destination.Channel.KAFKA) {
            return publish(notification.alert());
        }
        String url = targets.urlOf(destination).orElse(null);
        if (url == null) {
            return Outcome.failed("no URL configured for " + destination.key());
        }
        try {
            byte[] body = json.writeValueAsBytes(destination.isSlack() ? SlackMessage.of(notification) : notification);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (destination.channel() == Destination.Channel.TENANT_WEBHOOK) {
                String secret = targets.of(destination.tenant()).webhookSecret();
                request.header("X-WedSync-Dedup-Key", notification.dedupKey());
                if (secret != null) {
                    request.header(WebhookSignature.HEADER, WebhookSignature.of(secret, body));
                }
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return judge(response);
        } catch (JsonProcessingException e) {
            return Outcome.failed("cannot render the message: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return Outcome.failed("the configured URL is not valid");
        } catch (IOException e) {
            return Outcome.retry("no answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted");
        }
    }

    private static Outcome judge(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Outcome.sent();
        }
        String error = "HTTP " + status + ": " + abbreviate(response.body());
        if (status == 429) {
            return Outcome.retryAfter(retryAfter(response), error);
        }
        if (status >= 500 || status == 408) {
            return Outcome.retry(error);
        }
        return Outcome.failed(error);
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        try {
            long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").strip());
            Duration wait = Duration.ofSeconds(Math.max(1, seconds));
            return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private Outcome publish(AlertEvent event) {
        try {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), event.fingerprint(), event)).get(15, TimeUnit.SECONDS);
            return Outcome.sent();
        } catch (ExecutionException | TimeoutException e) {
            return Outcome.retry("Kafka: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted");
        }
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
