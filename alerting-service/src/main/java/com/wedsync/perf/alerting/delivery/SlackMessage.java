package com.wedsync.perf.alerting.delivery;

import com.wedsync.perf.alerting.project.ProjectNotice;
import com.wedsync.perf.model.event.AlertEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A notification as a Slack Block Kit message for an incoming webhook: a header, the numbers as fields, a link to the
 * alert, and the dedup key in a context line. {@code text} is the fallback for notifications.
 * <p>
 * Tenants and beacons control routes, summaries and ids: every piece of that text in mrkdwn (the fields, the
 * fallback text, the context) has Slack's control characters escaped, so a route {@code /<!channel>} reads as text
 * and pings nobody, and {@code <https://evil.example|Open>} is no link. The header is plain text, shown as written.
 */
final class SlackMessage {

    private SlackMessage() {
    }

    static Map<String, Object> of(Notification notification) {
        if (notification.project() != null) {
            return ofProject(notification, notification.project());
        }
        AlertEvent alert = notification.alert();
        String title = switch (notification.kind()) {
            case RESOLVED -> ":white_check_mark: Resolved: " + alert.summary();
            case ESCALATED -> ":rotating_light: Escalated to " + alert.severity() + ": " + alert.summary();
            default -> icon(alert) + " " + alert.severity() + ": " + alert.summary();
        };
        List<Map<String, Object>> fields = new ArrayList<>();
        fields.add(field("Tenant", alert.tenant()));
        fields.add(field("Type", alert.type().name().toLowerCase(Locale.ROOT)));
        if (alert.metric() != null) {
            fields.add(field("Metric", alert.metric() + (alert.route() == null ? "" : " on " + alert.route())));
        }
        if (alert.actualValue() != null && alert.threshold() != null) {
            fields.add(field("Value / threshold", format(alert.actualValue()) + " / " + format(alert.threshold())));
        }
        fields.add(field("Samples", Long.toString(alert.affectedUsers())));
        if (alert.isWeddingDay()) {
            fields.add(field("Wedding", alert.weddingId()));
        }
        List<Map<String, Object>> blocks = List.of(
                Map.of("type", "header", "text", Map.of("type", "plain_text", "text", truncate(title, 150))),
                Map.of("type", "section", "fields", fields),
                Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", "<" + notification.link() + "|Open the alert>")),
                Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                        "text", escape("window " + alert.windowStart() + " – " + alert.windowEnd() + " · ref "
                                + notification.dedupKey())))));
        return Map.of("text", escape(truncate(title, 300)), "blocks", blocks);
    }

    /** A gate decision or rollback recommendation: the decision as the header, the reasons listed, a link. */
    private static Map<String, Object> ofProject(Notification notification, ProjectNotice notice) {
        String title = switch (notice.status()) {
            case "PASSED" -> ":white_check_mark: Gate passed: ";
            case "WARNED" -> ":warning: Gate passed with warnings: ";
            case "ROLLBACK_RECOMMENDED" -> ":rewind: Rollback recommended: ";
            default -> ":no_entry: Gate blocked: ";
        } + notice.project() + " " + notice.subject();
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", truncate(title, 150))));
        if (!notice.reasons().isEmpty()) {
            String reasons = notice.reasons().stream().limit(10).map(r -> "• " + escape(truncate(r, 280)))
                    .collect(java.util.stream.Collectors.joining("\n"));
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", truncate(reasons, 2900))));
        }
        blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", "<" + notification.link() + "|Open>")));
        blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                "text", escape(notice.at() + " · ref " + notification.dedupKey())))));
        return Map.of("text", escape(truncate(title, 300)), "blocks", blocks);
    }

    private static String icon(AlertEvent alert) {
        return alert.isWeddingDay() ? ":ring:" : switch (alert.severity()) {
            case CRITICAL -> ":red_circle:";
            case HIGH -> ":large_orange_circle:";
            default -> ":large_yellow_circle:";
        };
    }

    private static Map<String, Object> field(String name, String value) {
        return Map.of("type", "mrkdwn", "text", "*" + name + "*\n" + escape(value));
    }

    /** Slack's escaping for mrkdwn text: {@code &}, {@code <} and {@code >} as entities. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.4g", value);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
