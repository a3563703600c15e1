package com.wedsync.perf.alerting.api;

/**
 * Body of PUT /v1/tenants/{id}/notifications. The answer never repeats URLs or secrets, only whether they are set.
 */
public record NotificationSettings(String slackWebhookUrl, String webhookUrl, String webhookSecret) {

    public record Shown(boolean slackWebhook, boolean webhook, boolean webhookSigned) {
    }
}
