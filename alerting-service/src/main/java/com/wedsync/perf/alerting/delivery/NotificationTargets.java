package com.wedsync.perf.alerting.delivery;

import com.wedsync.perf.alerting.AlertingConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Where each tenant's alerts go (Slack webhook, signed webhook and its secret) and the ops channel. These URLs are
 * secrets: they are never logged and the API shows only that they are set.
 */
@ApplicationScoped
public class NotificationTargets {

    private final AgroalDataSource db;
    private final AlertingConfig config;

    public NotificationTargets(AgroalDataSource db, AlertingConfig config) {
        this.db = db;
        this.config = config;
    }

    public record Targets(String slackWebhook, String webhookUrl, String webhookSecret) {
        public static final Targets NONE = new Targets(null, null, null);
    }

    public Optional<String> opsSlack() {
        return config.delivery().opsSlackWebhook().filter(url -> !url.isBlank());
    }

    public Targets of(String tenant) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT slack_webhook, webhook_url, webhook_secret FROM notification_targets WHERE tenant = ?")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Targets(r.getString(1), r.getString(2), r.getString(3)) : Targets.NONE;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the notification targets of " + tenant + ": " + e.getMessage(), e);
        }
    }

    public void save(String tenant, Targets targets) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO notification_targets (tenant, slack_webhook, webhook_url, webhook_secret, updated_at) "
                        + "VALUES (?,?,?,?,?) ON CONFLICT (tenant) DO UPDATE SET slack_webhook = excluded.slack_webhook, "
                        + "webhook_url = excluded.webhook_url, webhook_secret = excluded.webhook_secret, "
                        + "updated_at = excluded.updated_at")) {
            s.setString(1, tenant);
            s.setString(2, targets.slackWebhook());
            s.setString(3, targets.webhookUrl());
            s.setString(4, targets.webhookSecret());
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the notification targets of " + tenant + ": " + e.getMessage(), e);
        }
    }

    /** The URL to send a destination's messages to, if it is (still) configured. */
    public Optional<String> urlOf(Destination destination) {
        return switch (destination.channel()) {
            case OPS_SLACK -> opsSlack();
            case TENANT_SLACK -> Optional.ofNullable(of(destination.tenant()).slackWebhook());
            case TENANT_WEBHOOK -> Optional.ofNullable(of(destination.tenant()).webhookUrl());
            case KAFKA -> Optional.empty();
        };
    }
}
