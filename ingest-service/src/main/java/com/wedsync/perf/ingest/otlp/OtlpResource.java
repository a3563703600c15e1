package com.wedsync.perf.ingest.otlp;

import com.wedsync.perf.ingest.timing.ServerTimingIntake;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.Grant;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * OTLP/HTTP on ingest ({@code POST /otlp/v1/traces}, {@code POST /otlp/v1/metrics}): a WedSync back end instrumented
 * with OpenTelemetry sets {@code OTEL_EXPORTER_OTLP_ENDPOINT=<ingest>/otlp} and {@code OTEL_EXPORTER_OTLP_HEADERS=
 * Authorization=Bearer <server key>}, and its server spans become server timings ({@link SpanTimings}), its request
 * duration histograms histogram points ({@link HistogramPoints}). Protobuf or JSON, gzip or not; success (200, with a
 * partial success naming what was refused) only once Kafka has every record; errors as a {@code google.rpc.Status} in
 * the request's encoding, {@code Retry-After} on 429 and 503 so exporters back off.
 */
@Path("/otlp/v1")
public class OtlpResource {

    private final ServerTimingIntake intake;
    private final OperationTable operations;
    private final MeterRegistry registry;
    private final Set<String> durationMetrics;

    public OtlpResource(ServerTimingIntake intake, OperationTable operations, MeterRegistry registry,
                        @ConfigProperty(name = "perf.otlp.duration-metrics") List<String> durationMetrics) {
        this.intake = intake;
        this.operations = operations;
        this.registry = registry;
        this.durationMetrics = Set.copyOf(durationMetrics);
    }

    @POST
    @Path("/traces")
    @Access(Grant.SERVER_KEY)
    public CompletionStage<Response> traces(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                            @HeaderParam("Content-Encoding") String contentEncoding) {
        OtlpFormat format = requireSupported(contentType);
        TenantConfig tenant = intake.admitRequest();
        ExportTraceServiceRequest request = format.read(body, contentEncoding, ExportTraceServiceRequest.newBuilder()).build();
        SpanTimings.Read read = SpanTimings.read(request, tenant.tenantId(), Instant.now(), operations);
        if (read.rejected() > 0) {
            intake.rejected("invalid_span", (int) Math.min(Integer.MAX_VALUE, read.rejected()));
        }
        registry.counter("perf.otlp.spans", "outcome", "sampled").increment(read.sampled());
        CompletionStage<Void> published = read.timings().isEmpty() ? CompletableFuture.completedFuture(null)
                : intake.publish(tenant, read.timings());
        return published.thenApply(done -> {
            ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
            if (read.rejected() > 0) {
                response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                        .setRejectedSpans(read.rejected()).setErrorMessage(read.firstRejection()));
            }
            return Response.ok(format.write(response.build()), format.mediaType()).build();
        });
    }

    @POST
    @Path("/metrics")
    @Access(Grant.SERVER_KEY)
    public CompletionStage<Response> metrics(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                             @HeaderParam("Content-Encoding") String contentEncoding) {
        OtlpFormat format = requireSupported(contentType);
        TenantConfig tenant = intake.admitRequest();
        ExportMetricsServiceRequest request = format.read(body, contentEncoding, ExportMetricsServiceRequest.newBuilder())
                .build();
        HistogramPoints.Read read = HistogramPoints.read(request, tenant.tenantId(), Instant.now(), operations,
                durationMetrics);
        if (read.rejected() > 0) {
            intake.rejected("invalid_point", (int) Math.min(Integer.MAX_VALUE, read.rejected()));
        }
        registry.counter("perf.otlp.points", "outcome", "ignored").increment(read.ignored());
        CompletionStage<Void> published = read.points().isEmpty() ? CompletableFuture.completedFuture(null)
                : intake.publishHistograms(tenant, read.points());
        return published.thenApply(done -> {
            ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
            if (read.rejected() > 0) {
                response.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
                        .setRejectedDataPoints(read.rejected()).setErrorMessage(read.firstRejection()));
            }
            return Response.ok(format.write(response.build()), format.mediaType()).build();
        });
    }

    private static OtlpFormat requireSupported(String contentType) {
        if (!OtlpFormat.isSupported(contentType)) {
            throw new ApiException(415, "unsupported_media_type", "Content-Type '" + contentType
                    + "' is not OTLP/HTTP; send application/x-protobuf or application/json");
        }
        return OtlpFormat.of(contentType);
    }

    /** Refusals of this resource (its access rule's too) in OTLP's shape: a {@code google.rpc.Status}. */
    @ServerExceptionMapper
    public Response refused(ApiException e, HttpHeaders headers) {
        OtlpFormat format = OtlpFormat.of(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        Response.ResponseBuilder response = Response.status(e.status())
                .entity(format.status(grpcCode(e.status()), e.code() + ": " + e.getMessage()))
                .type(format.mediaType());
        e.headers().forEach(response::header);
        return response.build();
    }

    /** The gRPC status code the OTLP specification pairs with an HTTP status. */
    static int grpcCode(int httpStatus) {
        return switch (httpStatus) {
            case 400, 413, 415 -> 3;   // INVALID_ARGUMENT
            case 401 -> 16;            // UNAUTHENTICATED
            case 403 -> 7;             // PERMISSION_DENIED
            case 429 -> 8;             // RESOURCE_EXHAUSTED
            case 503 -> 14;            // UNAVAILABLE
            default -> httpStatus >= 500 ? 13 : 2; // INTERNAL, UNKNOWN
        };
    }
}
