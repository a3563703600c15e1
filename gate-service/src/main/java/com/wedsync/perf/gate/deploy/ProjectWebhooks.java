package com.wedsync.perf.gate.deploy;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.WebhookSignature;
import com.wedsync.perf.service.outbound.Destination;
import com.wedsync.perf.service.outbound.DestinationRefused;
import com.wedsync.perf.service.outbound.OutboundHttp;
import com.wedsync.perf.service.outbound.OutboundPolicy;
import com.wedsync.perf.service.secret.SecretBox;
import com.wedsync.perf.service.secret.SecretColumns;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A project's outbound webhook, told of rollback recommendations: the JSON body signed with the project's secret,
 * {@value #SIGNATURE}: {@code sha256=<HMAC-SHA256 hex>} of {@code <unix seconds>.<body>}, the seconds in
 * {@code X-WedSync-Timestamp} (see WebhookSignature). The URL is a secret too: never logged or returned.
 */
@ApplicationScoped
public class ProjectWebhooks {

    public static final String SIGNATURE = WebhookSignature.HEADER;

    public static final SecretColumns SECRET_COLUMNS = new SecretColumns("project_webhooks", "project",
            List.of("url", "secret"));

    private final EntityManager entities;
    private final OutboundPolicy policy;
    private final OutboundHttp http;
    private final SecretBox secrets;

    public ProjectWebhooks(EntityManager entities, OutboundPolicy policy, OutboundHttp http, SecretBox secrets) {
        this.entities = entities;
        this.policy = policy;
        this.http = http;
        this.secrets = secrets;
    }

    @Transactional
    public void save(String project, String url, String secret) {
        if (url == null || secret == null || secret.length() < 16) {
            throw ApiException.badRequest("invalid_webhook", "an https 'url' and a 'secret' of at least 16 characters are required");
        }
        policy.acceptConfigured(url, Destination.WEBHOOK, "url");
        entities.createNativeQuery("INSERT INTO project_webhooks (project, url, secret) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (project) DO UPDATE SET url = excluded.url, secret = excluded.secret")
                .setParameter(1, project).setParameter(2, secrets.seal(url, SECRET_COLUMNS.context("url", project)))
                .setParameter(3, secrets.seal(secret, SECRET_COLUMNS.context("secret", project))).executeUpdate();
    }

    /** Posts the body; says how it went ("not configured", "HTTP 200", "failed: …"). */
    public String send(String project, String body) {
        ProjectWebhookRecord row = QuarkusTransaction.requiringNew().call(() -> entities.find(ProjectWebhookRecord.class, project));
        if (row == null) {
            return "not configured";
        }
        String url = secrets.open(row.url, SECRET_COLUMNS.context("url", project));
        String secret = secrets.open(row.secret, SECRET_COLUMNS.context("secret", project));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            long now = java.time.Instant.now().getEpochSecond();
            OutboundHttp.Answer answer = http.post(url, Destination.WEBHOOK, Map.of("Content-Type", "application/json",
                    WebhookSignature.TIMESTAMP_HEADER, Long.toString(now), SIGNATURE, WebhookSignature.timed(secret, now, bytes)),
                    bytes, Duration.ofSeconds(5));
            return "HTTP " + answer.status();
        } catch (DestinationRefused refused) {
            return "refused: " + refused.getMessage();
        } catch (java.io.IOException e) {
            return "failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "failed: interrupted";
        }
    }
}
