package com.wedsync.perf.alerting.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.alerting.AlertingConfig;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.service.auth.WebhookSignature;
import com.wedsync.perf.service.outbound.DestinationRefused;
import com.wedsync.perf.service.outbound.OutboundHttp;
import com.wedsync.perf.service.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes one delivery attempt: Block Kit to Slack, the signed notification to a generic webhook. Says how it ended; URLs never appear in what it returns or logs, and neither does what a
 * receiver answered — only its status, and for Slack one of Slack's documented error codes — so a delivery cannot be
 * used to read what some server says (the URL is checked by {@link OutboundHttp} before every call).
 */
@ApplicationScoped
public class Sender {

    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    /** What Slack's incoming webhooks answer on an error (api.slack.com/messaging/webhooks#handling_errors). */
    private static final Set<String> SLACK_ERRORS = Set.of("invalid_payload", "user_not_found", "channel_not_found",
            "channel_is_archived", "action_prohibited", "posting_to_general_channel_denied", "too_many_attachments",
            "no_service", "no_service_id", "no_team", "team_disabled", "invalid_token", "invalid_blocks",
            "invalid_blocks_format", "rate_limited");
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");

    private final NotificationTargets targets;
    private final ObjectMapper json;
    private final OutboundHttp http;
    private final Duration timeout;
    private final EventOutbox events;

    public Sender(NotificationTargets targets, ObjectMapper json, AlertingConfig config, OutboundHttp http,
                  EventOutbox events) {
        this.targets = targets;
        this.json = json;
        this.timeout = config.delivery().timeout();
        this.http = http;
        this.events = events;
    }

    Outcome send(Destination destination, Notification notification) {
        if (destination.channel() == Destination.Channel.KAFKA) {
            return handOver(notification);
        }
        String url = targets.urlOf(destination).orElse(null);
        if (url == null) {
            return Outcome.failed("no URL configured for " + destination.key());
        }
        try {
            byte[] body = json.writeValueAsBytes(destination.isSlack() ? SlackMessage.of(notification) : notification);
            Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
            if (destination.channel() == Destination.Channel.TENANT_WEBHOOK) {
                String secret = targets.of(destination.tenant()).webhookSecret();
                headers.put("X-WedSync-Dedup-Key", notification.dedupKey());
                if (secret != null) {
                    long now = java.time.Instant.now().getEpochSecond();
                    headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now));
                    headers.put(WebhookSignature.HEADER, WebhookSignature.timed(secret, now, body));
                }
            }
            OutboundHttp.Answer answer = http.post(url, destination.isSlack()
                    ? com.wedsync.perf.service.outbound.Destination.SLACK
                    : com.wedsync.perf.service.outbound.Destination.WEBHOOK, headers, body, timeout);
            return judge(answer, destination.isSlack());
        } catch (DestinationRefused refused) {
            return Outcome.failed("destination refused: " + refused.getMessage());
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

    private static Outcome judge(OutboundHttp.Answer answer, boolean slack) {
        int status = answer.status();
        if (answer.isSuccess()) {
            return Outcome.sent();
        }
        String code = answer.head().strip();
        String error = "HTTP " + status + (slack && ERROR_CODE.matcher(code).matches() && SLACK_ERRORS.contains(code)
                ? ": " + code : "");
        if (status == 429) {
            return Outcome.retryAfter(retryAfter(answer), error);
        }
        if (status >= 500 || status == 408) {
            return Outcome.retry(error);
        }
        return Outcome.failed(error);
    }

    private static Duration retryAfter(OutboundHttp.Answer answer) {
        try {
            long seconds = Long.parseLong(answer.retryAfter().orElse("1").strip());
            Duration wait = Duration.ofSeconds(Math.max(1, seconds));
            return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    /**
     * An alert event queued in this outbox before events moved to the event outbox: moved there, in the dispatcher's
     * transaction, under the same dedup key (so it is published once).
     */
    private Outcome handOver(Notification notification) {
        events.append(Topics.ALERTS, notification.alert().fingerprint(), notification.alert(), notification.dedupKey());
        return Outcome.sent();
    }
}
