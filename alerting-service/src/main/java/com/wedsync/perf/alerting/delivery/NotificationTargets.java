package com.wedsync.perf.alerting.delivery;

import com.wedsync.perf.alerting.AlertingConfig;
import com.wedsync.perf.service.secret.SecretBox;
import com.wedsync.perf.service.secret.SecretColumns;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where each tenant's alerts go (Slack webhook, signed webhook and its secret) and the ops channel. These URLs are
 * secrets: stored encrypted ({@link SecretBox}), never logged, and the API shows only that they are set.
 */
@ApplicationScoped
public class NotificationTargets {

    public static final SecretColumns SECRET_COLUMNS = new SecretColumns("notification_targets", "tenant",
            List.of("slack_webhook", "webhook_url", "webhook_secret"));

    private final AgroalDataSource db;
    private final EntityManager entities;
    private final AlertingConfig config;
    private final SecretBox secrets;
    private final com.wedsync.perf.alerting.project.ProjectTargets projects;

    public NotificationTargets(AgroalDataSource db, EntityManager entities, AlertingConfig config, SecretBox secrets,
                               com.wedsync.perf.alerting.project.ProjectTargets projects) {
        this.projects = projects;
        this.db = db;
        this.entities = entities;
        this.config = config;
        this.secrets = secrets;
    }

    /** At start: the key must be there, and whatever was stored before encryption (or under an old key) is sealed. */
    void sealStoredSecrets(@Observes StartupEvent started) {
        secrets.currentKeyId();
        SECRET_COLUMNS.reseal(db, secrets);
    }

    public record Targets(String slackWebhook, String webhookUrl, String webhookSecret) {
        public static final Targets NONE = new Targets(null, null, null);
    }

    public Optional<String> opsSlack() {
        return config.delivery().opsSlackWebhook().filter(url -> !url.isBlank());
    }

    @Transactional
    public Targets of(String tenant) {
        NotificationTargetsRecord row = entities.find(NotificationTargetsRecord.class, tenant);
        return row == null ? Targets.NONE : new Targets(open(row.slackWebhook, "slack_webhook", tenant),
                open(row.webhookUrl, "webhook_url", tenant), open(row.webhookSecret, "webhook_secret", tenant));
    }

    /** Replaces the tenant's targets (an upsert: two saves at once cannot collide on a new row). */
    @Transactional
    public void save(String tenant, Targets targets) {
        entities.createNativeQuery("INSERT INTO notification_targets (tenant, slack_webhook, webhook_url, webhook_secret, "
                        + "updated_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (tenant) DO UPDATE SET "
                        + "slack_webhook = excluded.slack_webhook, webhook_url = excluded.webhook_url, "
                        + "webhook_secret = excluded.webhook_secret, updated_at = excluded.updated_at")
                .setParameter(1, tenant).setParameter(2, seal(targets.slackWebhook(), "slack_webhook", tenant))
                .setParameter(3, seal(targets.webhookUrl(), "webhook_url", tenant))
                .setParameter(4, seal(targets.webhookSecret(), "webhook_secret", tenant))
                .setParameter(5, Instant.now()).executeUpdate();
    }

    private String seal(String value, String column, String tenant) {
        return secrets.seal(value, SECRET_COLUMNS.context(column, tenant));
    }

    private String open(String stored, String column, String tenant) {
        return secrets.open(stored, SECRET_COLUMNS.context(column, tenant));
    }

    /** The URL to send a destination's messages to, if it is (still) configured. */
    public Optional<String> urlOf(Destination destination) {
        return switch (destination.channel()) {
            case OPS_SLACK -> opsSlack();
            case TENANT_SLACK -> Optional.ofNullable(of(destination.tenant()).slackWebhook());
            case TENANT_WEBHOOK -> Optional.ofNullable(of(destination.tenant()).webhookUrl());
            case PROJECT_SLACK -> projects.slackOf(destination.tenant());
            case KAFKA -> Optional.empty();
        };
    }
}
