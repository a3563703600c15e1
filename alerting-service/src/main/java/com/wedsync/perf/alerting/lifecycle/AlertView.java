package com.wedsync.perf.alerting.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wedsync.perf.model.event.AlertState;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.Severity;
import java.time.Instant;
import java.util.UUID;

/** An alert as the API shows it; {@code dataThrough} is the end of the newest window its rule has seen. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(UUID id, String fingerprint, AlertType type, Severity severity, AlertState state, String tenant,
                        String route, String metric, Double threshold, Double actualValue, long affectedUsers,
                        Instant windowStart, Instant windowEnd, String weddingId, String summary, UUID silencedBy,
                        String acknowledgedBy, Instant acknowledgedAt, String resolutionNotes, Instant resolvedAt,
                        Instant firedAt, Instant createdAt, Instant updatedAt, Instant dataThrough) {
}
