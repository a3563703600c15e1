package com.wedsync.perf.ingest.otlp;

import com.wedsync.perf.ingest.timing.ServerTimingReader;
import com.wedsync.perf.model.event.Arms;
import com.wedsync.perf.model.event.ServerTiming;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Turns an OTLP trace export into server timings: each server-kind span, and each root span, is one timing of the
 * caller's tenant (never a tenant a resource attribute names). The operation is {@code wedsync.operation}, else the
 * {@link OperationTable}'s answer for {@code http.route} and its method, or the span name; the duration is end minus
 * start; an error is a span status of ERROR or {@code http.response.status_code} ≥ 500; {@code wedsync.wedding_id}
 * is the wedding, {@code wedsync.variant} the experiment arm, the resource's {@code service.version} the release.
 * Other spans (internal, client, producer work inside a request) are not timings and are passed over. A span sampled
 * with a probability below 1 (OpenTelemetry's threshold {@code th} in the W3C trace state) counts as the requests it
 * stands for, so counts and error budgets stay those of all traffic. A span that cannot be a timing is refused on its
 * own, counted in the partial success with the first reason.
 */
final class SpanTimings {

    /** The most timings one export may bring; the spans past it are refused (exporters send 512 by default). */
    static final int MAX_TIMINGS = 2_048;
    private static final Pattern THRESHOLD = Pattern.compile("[0-9a-f]{1,14}");
    private static final double TWO_TO_56 = 0x1p56;

    /**
     * @param sampled timings whose span says it was sampled with a probability below 1 (W3C {@code tracestate}
     *                {@code ot=th:…}): each counts as its adjusted count of requests
     */
    record Read(List<ServerTiming> timings, long rejected, String firstRejection, long sampled) {
    }

    private SpanTimings() {
    }

    static Read read(ExportTraceServiceRequest request, String tenant, Instant receivedAt, OperationTable table) {
        List<ServerTiming> timings = new ArrayList<>();
        long rejected = 0;
        long sampled = 0;
        String firstRejection = null;
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String release = OtlpAttributes.release(resourceSpans.getResource().getAttributesList());
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    if (span.getKind() != Span.SpanKind.SPAN_KIND_SERVER && !span.getParentSpanId().isEmpty()) {
                        continue;
                    }
                    String refusal;
                    if (timings.size() >= MAX_TIMINGS) {
                        refusal = "more than " + MAX_TIMINGS + " server spans in one export; export smaller batches";
                    } else {
                        try {
                            ServerTiming timing = timing(span, tenant, release, receivedAt, table);
                            timings.add(timing);
                            sampled += adjustedCount(span.getTraceState()) > 1 ? 1 : 0;
                            continue;
                        } catch (IllegalArgumentException invalid) {
                            refusal = "span '" + OtlpAttributes.bounded(span.getName()) + "': " + invalid.getMessage();
                        }
                    }
                    rejected++;
                    firstRejection = firstRejection == null ? refusal : firstRejection;
                }
            }
        }
        return new Read(timings, rejected, firstRejection, sampled);
    }

    private static ServerTiming timing(Span span, String tenant, String release, Instant receivedAt,
                                       OperationTable table) {
        long start = span.getStartTimeUnixNano();
        long end = span.getEndTimeUnixNano();
        if (start <= 0 || end < start) {
            throw new IllegalArgumentException("start and end times must be set, the end not before the start");
        }
        double durationMs = (end - start) / 1_000_000.0;
        if (durationMs > ServerTimingReader.MAX_DURATION_MS) {
            throw new IllegalArgumentException("lasted longer than a day");
        }
        List<KeyValue> attributes = span.getAttributesList();
        String route = OtlpAttributes.text(attributes, "http.route");
        String operation = OtlpAttributes.operation(attributes, table, span.getName());
        long status = OtlpAttributes.httpStatus(attributes);
        String weddingId = OtlpAttributes.text(attributes, "wedsync.wedding_id");
        if (weddingId != null && !ServerTimingReader.WEDDING_ID.matcher(weddingId).matches()) {
            throw new IllegalArgumentException("wedsync.wedding_id must be 1-64 letters, digits, '_' or '-'");
        }
        String variant = OtlpAttributes.text(attributes, "wedsync.variant");
        boolean error = span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR || status >= 500;
        double adjusted = adjustedCount(span.getTraceState());
        if (adjusted > ServerTiming.MAX_COUNT) {
            throw new IllegalArgumentException("sampled with a probability below 1 in " + ServerTiming.MAX_COUNT);
        }
        return new ServerTiming(tenant, operation, route == null ? null : OperationTable.route(route), durationMs,
                (int) status, error, weddingId, receivedAt, release,
                variant != null && Arms.isVariant(variant) ? variant : null, requests(adjusted));
    }

    /**
     * The span's adjusted count: how many spans it stands for by OpenTelemetry's sampling threshold in the W3C trace
     * state ({@code ot=th:<hex>}, the rejection threshold T of 56 bits: probability (2^56 − T) / 2^56), 1 without one.
     */
    static double adjustedCount(String traceState) {
        for (String member : traceState.split(",")) {
            String entry = member.strip();
            if (!entry.startsWith("ot=")) {
                continue;
            }
            for (String field : entry.substring(3).split(";")) {
                if (field.startsWith("th:") && THRESHOLD.matcher(field.substring(3)).matches()) {
                    String digits = (field.substring(3) + "00000000000000").substring(0, 14);
                    double rejected = Long.parseLong(digits, 16);
                    return TWO_TO_56 / (TWO_TO_56 - rejected);
                }
            }
        }
        return 1;
    }

    /** A whole number of requests with the adjusted count as its expectation (1.33 → 1, or 2 one time in three). */
    static long requests(double adjustedCount) {
        long whole = (long) Math.floor(adjustedCount);
        return whole + (ThreadLocalRandom.current().nextDouble() < adjustedCount - whole ? 1 : 0);
    }
}
