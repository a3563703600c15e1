package com.wedsync.perf.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.wedsync.perf.localstack.LocalStackTestResource;
import com.wedsync.perf.model.event.OperationKey;
import com.wedsync.perf.model.event.ServerTiming;
import com.wedsync.perf.model.topic.Topics;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * OTLP/HTTP traces from the official OpenTelemetry Java SDK: its OTLP/HTTP exporter (protobuf, gzip) and its own OTLP
 * JSON encoding; server spans become the caller's server timings, whatever tenant a resource attribute names; errors
 * in OTLP's shape.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class OtlpTracesTest {

    @Test
    void shouldTurnTheSdksServerSpansIntoTheCallersServerTimings() {
        TestTenants.Registered tenant = TestTenants.register("otlp");
        TestTenants.Registered victim = TestTenants.register("otlp-victim");
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(endpoint())
                .addHeader("Authorization", "Bearer " + tenant.serverKey()).setCompression("gzip").build();
        try (TopicReader<OperationKey, ServerTiming> timings = TopicReader.fromNow(Topics.SERVER_TIMINGS)) {
            SdkTracerProvider provider = provider(exporter, victim.id());
            Tracer tracer = provider.get("wedsync-backend");
            Instant start = Instant.now().minusSeconds(60);
            for (int i = 1; i <= 300; i++) {
                Span span = tracer.spanBuilder("POST /api/weddings/{weddingId}/photos").setSpanKind(SpanKind.SERVER)
                        .setStartTimestamp(start.plusMillis(i))
                        .setAttribute("http.request.method", "POST")
                        .setAttribute("http.route", "/api/weddings/{weddingId}/photos")
                        .setAttribute(AttributeKey.longKey("http.response.status_code"), i == 300 ? 503L : 201L)
                        .setAttribute("wedsync.wedding_id", "w-2041").startSpan();
                try (Scope inside = span.makeCurrent()) {
                    tracer.spanBuilder("resize").startSpan().end(); // internal work inside the request: not a timing
                }
                span.end(start.plusMillis(i).plusNanos(i * 10_000_000L));
            }
            Span named = tracer.spanBuilder("sync").setSpanKind(SpanKind.SERVER).setStartTimestamp(start)
                    .setAttribute("wedsync.operation", "timeline_sync").startSpan();
            named.setStatus(StatusCode.ERROR);
            named.end(start.plusMillis(42));
            assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).as("the exporter's export").isTrue();
            provider.shutdown().join(10, TimeUnit.SECONDS);

            List<ServerTiming> published = ofTenant(timings.awaitRecords(r -> r.size() >= 301, Duration.ofSeconds(30)),
                    tenant.id(), victim.id());
            assertThat(published).hasSize(301).allSatisfy(t -> assertThat(t.tenant()).isEqualTo(tenant.id()));
            List<ServerTiming> uploads = published.stream().filter(t -> t.operation().equals("photo_upload")).toList();
            assertThat(uploads).hasSize(300).allSatisfy(t -> {
                assertThat(t.route()).isEqualTo("/api/weddings/:id/photos");
                assertThat(t.weddingId()).isEqualTo("w-2041");
                assertThat(t.release()).isEqualTo("2026.12.2");
            });
            assertThat(uploads.stream().mapToDouble(ServerTiming::durationMs).sorted().toArray())
                    .containsExactly(java.util.stream.IntStream.rangeClosed(1, 300).mapToDouble(i -> i * 10.0).toArray());
            assertThat(uploads.stream().filter(ServerTiming::error)).as("the 503").hasSize(1);
            ServerTiming sync = published.stream().filter(t -> t.operation().equals("timeline_sync")).findFirst().orElseThrow();
            assertThat(sync.durationMs()).isEqualTo(42.0);
            assertThat(sync.error()).as("span status ERROR").isTrue();
        }
    }

    @Test
    void shouldReadTheSdksOtlpJsonGzipped() throws Exception {
        TestTenants.Registered tenant = TestTenants.register("otlp-json");
        try (TopicReader<OperationKey, ServerTiming> timings = TopicReader.fromNow(Topics.SERVER_TIMINGS)) {
            JsonExporter json = new JsonExporter(tenant.serverKey());
            SdkTracerProvider provider = provider(json, null);
            Tracer tracer = provider.get("wedsync-backend");
            Instant start = Instant.now().minusSeconds(5);
            for (int i = 1; i <= 20; i++) {
                tracer.spanBuilder("GET /api/weddings/:id/guests").setSpanKind(SpanKind.SERVER).setStartTimestamp(start)
                        .setAttribute("http.method", "GET").setAttribute("http.route", "/api/weddings/:id/guests")
                        .startSpan().end(start.plusMillis(100 + i));
            }
            provider.forceFlush().join(10, TimeUnit.SECONDS);
            provider.shutdown().join(10, TimeUnit.SECONDS);
            assertThat(json.statuses).containsOnly(200);

            List<ServerTiming> published = ofTenant(timings.awaitRecords(r -> r.size() >= 20, Duration.ofSeconds(30)),
                    tenant.id());
            assertThat(published).hasSize(20).extracting(ServerTiming::operation).containsOnly("guest_list_access");
            assertThat(published).extracting(ServerTiming::durationMs).contains(101.0, 120.0);
        }
    }

    @Test
    void shouldRefuseInOtlpsShape() throws Exception {
        byte[] empty = ExportTraceServiceRequest.getDefaultInstance().toByteArray();
        HttpResponse<byte[]> anonymous = post(null, "application/x-protobuf", null, empty);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        UnknownFieldSet status = UnknownFieldSet.parseFrom(anonymous.body());
        assertThat(status.getField(1).getVarintList()).as("UNAUTHENTICATED").containsExactly(16L);
        assertThat(status.getField(2).getLengthDelimitedList().get(0).toStringUtf8()).contains("unauthorized");

        HttpResponse<byte[]> anonymousJson = post(null, "application/json", null, "{}".getBytes());
        assertThat(anonymousJson.statusCode()).isEqualTo(401);
        assertThat(new String(anonymousJson.body())).contains("\"code\":16");

        TestTenants.Registered tenant = TestTenants.register("otlp-bad");
        assertThat(post(tenant.serverKey(), "text/plain", null, empty).statusCode()).isEqualTo(415);
        HttpResponse<byte[]> garbage = post(tenant.serverKey(), "application/x-protobuf", null, new byte[]{(byte) 0xff, 1, 2});
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(UnknownFieldSet.parseFrom(garbage.body()).getField(1).getVarintList()).containsExactly(3L);
        byte[] bomb = gzip(new byte[8 * 1024 * 1024]);
        assertThat(post(tenant.serverKey(), "application/x-protobuf", "gzip", bomb).statusCode())
                .as("a body inflating past 4 MB").isEqualTo(413);
        assertThat(post(tenant.serverKey(), "application/x-protobuf", "br", empty).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAcceptTheGoodSpansOfAnExportAndNameTheRefusedOnesInThePartialSuccess() throws Exception {
        TestTenants.Registered tenant = TestTenants.register("otlp-partial");
        long now = System.currentTimeMillis() * 1_000_000L;
        ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(io.opentelemetry.proto.resource.v1.Resource.newBuilder()
                        .addAttributes(text("tenant", "someone-else")).addAttributes(text("wedsync.tenant", "someone-else")))
                .addScopeSpans(ScopeSpans.newBuilder()
                        .addSpans(span("ok", now, now + 5_000_000L).addAttributes(text("wedsync.operation", "photo_upload")))
                        .addSpans(span("sampled", now, now + 7_000_000L).setTraceState("ot=th:c")
                                .addAttributes(text("wedsync.operation", "photo_upload")))
                        .addSpans(span("backwards", now, now - 1))
                        .addSpans(span("bad wedding", now, now + 1).addAttributes(text("wedsync.wedding_id", "ana@example.com")))
                        .addSpans(span("client call", now, now + 1).setKind(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT)
                                .setParentSpanId(ByteString.copyFrom(new byte[8]))))).build();
        try (TopicReader<OperationKey, ServerTiming> timings = TopicReader.fromNow(Topics.SERVER_TIMINGS)) {
            HttpResponse<byte[]> answer = post(tenant.serverKey(), "application/x-protobuf", null, request.toByteArray());
            assertThat(answer.statusCode()).isEqualTo(200);
            ExportTraceServiceResponse response = ExportTraceServiceResponse.parseFrom(answer.body());
            assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(2);
            assertThat(response.getPartialSuccess().getErrorMessage()).contains("backwards");

            List<ServerTiming> published = ofTenant(timings.awaitRecords(r -> r.size() >= 2, Duration.ofSeconds(20)),
                    tenant.id(), "someone-else");
            assertThat(published).hasSize(2).allSatisfy(t -> assertThat(t.tenant()).isEqualTo(tenant.id()));
            assertThat(published).extracting(ServerTiming::durationMs, ServerTiming::requests).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(5.0, 1L),
                    org.assertj.core.groups.Tuple.tuple(7.0, 4L)); // sampled one in four: stands for 4 requests
        }
    }

    private static io.opentelemetry.proto.trace.v1.Span.Builder span(String name, long start, long end) {
        return io.opentelemetry.proto.trace.v1.Span.newBuilder().setName(name)
                .setKind(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER)
                .setStartTimeUnixNano(start).setEndTimeUnixNano(end);
    }

    private static KeyValue text(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static SdkTracerProvider provider(SpanExporter exporter, String hostileTenant) {
        Attributes resource = hostileTenant == null
                ? Attributes.of(AttributeKey.stringKey("service.name"), "wedsync-api")
                : Attributes.of(AttributeKey.stringKey("service.name"), "wedsync-api",
                        AttributeKey.stringKey("service.version"), "2026.12.2",
                        AttributeKey.stringKey("tenant"), hostileTenant, AttributeKey.stringKey("wedsync.tenant"), hostileTenant);
        return SdkTracerProvider.builder().setResource(Resource.create(resource))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setMaxExportBatchSize(128).build()).build();
    }

    private static List<ServerTiming> ofTenant(List<ConsumerRecord<OperationKey, ServerTiming>> records, String... tenants) {
        List<String> wanted = List.of(tenants);
        return records.stream().map(ConsumerRecord::value).filter(t -> wanted.contains(t.tenant())).toList();
    }

    private static String endpoint() {
        return OtlpHttp.endpoint("traces");
    }

    private static HttpResponse<byte[]> post(String key, String contentType, String encoding, byte[] body) throws Exception {
        return OtlpHttp.post("traces", key, contentType, encoding, body);
    }

    private static byte[] gzip(byte[] raw) throws Exception {
        return OtlpHttp.gzip(raw);
    }

    /** OTLP/HTTP with JSON bodies, gzipped, encoded by the SDK's own OTLP JSON marshaler. */
    private static final class JsonExporter implements SpanExporter {

        private final String key;
        final List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();

        JsonExporter(String key) {
            this.key = key;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            try {
                ByteArrayOutputStream json = new ByteArrayOutputStream();
                TraceRequestMarshaler.create(spans).writeJsonTo(json);
                statuses.add(post(key, "application/json", "gzip", gzip(json.toByteArray())).statusCode());
                return CompletableResultCode.ofSuccess();
            } catch (Exception e) {
                return CompletableResultCode.ofFailure();
            }
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
