package com.wedsync.perf.alerting.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code notification_targets}; the three URLs and the secret are ciphertext. */
@Entity
@Table(name = "notification_targets")
public class NotificationTargetsRecord {

    @Id
    public String tenant;

    @Column(name = "slack_webhook")
    public String slackWebhook;

    @Column(name = "webhook_url")
    public String webhookUrl;

    @Column(name = "webhook_secret")
    public String webhookSecret;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
