package com.wedsync.perf.alerting.delivery;

/**
 * Where a notification goes, as the outbox names it: the ops Slack channel, a tenant's Slack webhook or signed
 * webhook, a CI project's Slack channel ({@code KAFKA}: an alert event queued here by an earlier version, handed over to the event outbox). The URL itself is looked up when sending, so it is never copied around.
 */
public record Destination(Channel channel, String tenant) {

    public enum Channel { OPS_SLACK, TENANT_SLACK, TENANT_WEBHOOK, KAFKA, PROJECT_SLACK }

    public static final Destination OPS = new Destination(Channel.OPS_SLACK, null);
    public static final Destination KAFKA = new Destination(Channel.KAFKA, null);

    public static Destination tenantSlack(String tenant) {
        return new Destination(Channel.TENANT_SLACK, tenant);
    }

    public static Destination tenantWebhook(String tenant) {
        return new Destination(Channel.TENANT_WEBHOOK, tenant);
    }

    /** A CI project's Slack channel ({@code tenant} holds the project). */
    public static Destination projectSlack(String project) {
        return new Destination(Channel.PROJECT_SLACK, project);
    }

    /** The outbox's text form: {@code CHANNEL} or {@code CHANNEL:tenant}. */
    public String key() {
        return tenant == null ? channel.name() : channel.name() + ":" + tenant;
    }

    public static Destination parse(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? new Destination(Channel.valueOf(key), null)
                : new Destination(Channel.valueOf(key.substring(0, colon)), key.substring(colon + 1));
    }

    public boolean isSlack() {
        return channel == Channel.OPS_SLACK || channel == Channel.TENANT_SLACK || channel == Channel.PROJECT_SLACK;
    }
}
