package com.wedsync.perf.aggregation.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wedsync.perf.aggregation.topology.TrendStores;
import com.wedsync.perf.aggregation.window.SeriesKey;
import com.wedsync.perf.model.vitals.Metric;
import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Any instance answers any query: a series from the instance that owns its key, the pages ranking from the
 * parts every instance holds, interference from the one instance that detects it.
 */
@ApplicationScoped
public class TrendService {

    public static final String OWNER_HEADER = "X-Trend-Owner";

    private static final TypeReference<List<RoutePartial>> PARTIALS = new TypeReference<>() {
    };
    private static final TypeReference<List<OperationPartial>> OPERATION_PARTIALS = new TypeReference<>() {
    };
    private static final TypeReference<List<ArmWindow>> ARM_WINDOWS = new TypeReference<>() {
    };
    private static final TypeReference<DiagnosisView> DIAGNOSIS = new TypeReference<>() {
    };

    private final TrendStoreReader reader;
    private final LocalTrends local;
    private final PeerClient peers;
    private final ObjectMapper json;
    private final com.fasterxml.jackson.databind.ObjectWriter headWriter;

    public TrendService(TrendStoreReader reader, LocalTrends local, PeerClient peers, ObjectMapper json) {
        this.reader = reader;
        this.local = local;
        this.peers = peers;
        this.json = json;
        this.headWriter = json.writerFor(SeriesBody.Head.class);
    }

    /** The series from its owner; {@code pathAndQuery} is this request, passed on to the owner when that is another instance. */
    public Response series(TrendQuery query, boolean withSketch, String pathAndQuery, boolean localOnly, String authorization) {
        HostInfo owner = reader.owner(TrendStores.history(query.resolution()), query.series().encoded());
        if (owner.equals(reader.self()) || localOnly) {
            return ok(SeriesBody.of(headWriter, local.series(query, withSketch)));
        }
        return relay(peers.get(owner, withLocal(pathAndQuery), authorization));
    }

    /** One page series' causes over [from, to), from the instance that owns the series. */
    public Response diagnostics(SeriesKey series, Instant from, Instant to, String pathAndQuery, boolean localOnly,
                                String authorization) {
        HostInfo owner = reader.owner(TrendStores.MINUTE_HISTORY, series.encoded());
        if (owner.equals(reader.self()) || localOnly) {
            return ok(DiagnosisView.of(series.tenant(), series.route(), series.metric(), series.device(), from, to,
                    local.diagnosis(series, from, to)));
        }
        return relay(peers.get(owner, withLocal(pathAndQuery), authorization));
    }

    public List<PageView> pages(String tenant, Metric metric, Instant from, Instant to, String authorization) {
        return PageRanking.rank(metric, routePartials(tenant, metric, from, to, authorization));
    }

    /** What every instance holds of the tenant's routes (route × device series) of one metric over [from, to). */
    public List<RoutePartial> routePartials(String tenant, Metric metric, Instant from, Instant to, String authorization) {
        List<RoutePartial> partials = new ArrayList<>();
        for (HostInfo holder : reader.holders(TrendStores.HOUR_HISTORY)) {
            if (holder.equals(reader.self())) {
                partials.addAll(local.pagePartials(tenant, metric, from, to));
            } else {
                partials.addAll(remotePartials(holder, tenant, metric, from, to, authorization));
            }
        }
        return partials;
    }

    /**
     * One page series' causes as an object, from its owner: for answers built from many series (the recommendations).
     * {@code window} is passed on to another owner, which measures it up to its own now.
     */
    public DiagnosisView diagnosis(SeriesKey series, Instant from, Instant to, String window, String authorization) {
        HostInfo owner = reader.owner(TrendStores.MINUTE_HISTORY, series.encoded());
        if (owner.equals(reader.self())) {
            return DiagnosisView.of(series.tenant(), series.route(), series.metric(), series.device(), from, to,
                    local.diagnosis(series, from, to));
        }
        String path = "/v1/diagnostics?tenant=" + encode(series.tenant()) + "&route=" + encode(series.route())
                + "&metric=" + encode(series.metric()) + "&device=" + encode(series.device())
                + (window == null ? "" : "&window=" + encode(window)) + "&local=true";
        return remote(owner, path, DIAGNOSIS, authorization);
    }

    public List<RoutePartial> localPagePartials(String tenant, Metric metric, Instant from, Instant to) {
        return local.pagePartials(tenant, metric, from, to);
    }

    public Response findings(Instant from, Instant to, String pathAndQuery, boolean localOnly, String authorization) {
        HostInfo owner = reader.owner(TrendStores.FINDINGS, TrendStores.PLATFORM_KEY);
        if (owner.equals(reader.self()) || localOnly) {
            return ok(local.findings(from, to));
        }
        return relay(peers.get(owner, withLocal(pathAndQuery), authorization));
    }

    /** An answer about one key of {@code store}, from the instance that owns that key ({@code answer} when it is this one). */
    public Response fromOwner(String store, String key, java.util.function.Supplier<Object> answer, String pathAndQuery,
                              boolean localOnly, String authorization) {
        HostInfo owner = reader.owner(store, key);
        if (owner.equals(reader.self()) || localOnly) {
            return ok(answer.get());
        }
        return relay(peers.get(owner, withLocal(pathAndQuery), authorization));
    }

    /** The findings that name {@code tenant} as a victim, as that tenant may see them (no other tenant named). */
    public Response affected(String tenant, Instant from, Instant to, String pathAndQuery, boolean localOnly,
                             String authorization) {
        HostInfo owner = reader.owner(TrendStores.FINDINGS, TrendStores.PLATFORM_KEY);
        if (owner.equals(reader.self()) || localOnly) {
            return ok(local.findings(from, to).stream().flatMap(f -> AffectedView.of(f, tenant).stream())
                    .collect(java.util.stream.Collectors.toMap(AffectedView::findingId, v -> v, (a, b) -> a,
                            java.util.LinkedHashMap::new)).values().stream().toList());
        }
        return relay(peers.get(owner, withLocal(pathAndQuery), authorization));
    }

    /** What every instance holds of one tenant's operations (every tenant's when null) over [from, to). */
    public List<OperationPartial> operationPartials(String tenant, Instant from, Instant to, String authorization) {
        List<OperationPartial> partials = new ArrayList<>();
        for (HostInfo holder : reader.holders(TrendStores.HOUR_HISTORY)) {
            if (holder.equals(reader.self())) {
                partials.addAll(local.operationPartials(tenant, from, to));
            } else {
                partials.addAll(remote(holder, "/v1/internal/operation-partials?" + (tenant == null ? ""
                        : "tenant=" + encode(tenant) + "&") + "from=" + from + "&to=" + to, OPERATION_PARTIALS, authorization));
            }
        }
        return partials;
    }

    /** What every instance holds of the tenant's series of two arms (releases or variants) of one metric over [from, to). */
    public List<ArmWindow> armWindows(String tenant, com.wedsync.perf.model.event.Source source, String metric,
                                      java.util.Set<String> arms, Instant from, Instant to, String authorization) {
        List<ArmWindow> windows = new ArrayList<>();
        for (HostInfo holder : reader.holders(TrendStores.HOUR_HISTORY)) {
            if (holder.equals(reader.self())) {
                windows.addAll(local.armWindows(tenant, source, metric, arms, from, to));
            } else {
                StringBuilder path = new StringBuilder("/v1/internal/arm-windows?tenant=").append(encode(tenant))
                        .append("&source=").append(source.name()).append("&metric=").append(encode(metric))
                        .append("&from=").append(from).append("&to=").append(to);
                arms.forEach(arm -> path.append("&arm=").append(encode(arm)));
                windows.addAll(remote(holder, path.toString(), ARM_WINDOWS, authorization));
            }
        }
        return windows;
    }

    public List<ArmWindow> localArmWindows(String tenant, com.wedsync.perf.model.event.Source source, String metric,
                                           java.util.Set<String> arms, Instant from, Instant to) {
        return local.armWindows(tenant, source, metric, arms, from, to);
    }

    public List<OperationPartial> localOperationPartials(String tenant, Instant from, Instant to) {
        return local.operationPartials(tenant, from, to);
    }

    private List<RoutePartial> remotePartials(HostInfo holder, String tenant, Metric metric, Instant from, Instant to,
                                              String authorization) {
        return remote(holder, "/v1/internal/page-partials?tenant=" + encode(tenant) + "&metric=" + metric.name()
                + "&from=" + from + "&to=" + to, PARTIALS, authorization);
    }

    /** Another instance's part of an answer; its refusal or unreadable answer fails this one (503), never silently. */
    private <T> T remote(HostInfo holder, String path, TypeReference<T> type, String authorization) {
        HttpResponse<String> response = peers.get(holder, path, authorization);
        if (response.statusCode() != 200) {
            throw ApiException.unavailable("instance " + holder.host() + ":" + holder.port() + " answered "
                    + response.statusCode() + ": " + response.body(), TrendStoreReader.RETRY_AFTER_SECONDS);
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer from " + holder + " to " + path + ": " + e.getMessage(), e);
        }
    }

    /** Answered here; {@value #OWNER_HEADER} says which instance's stores the answer came from. */
    private Response ok(Object entity) {
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE)
                .header(OWNER_HEADER, reader.self().host() + ":" + reader.self().port()).build();
    }

    private static Response relay(HttpResponse<String> response) {
        Response.ResponseBuilder relayed = Response.status(response.statusCode()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(response.body());
        for (String header : List.of("Retry-After", "WWW-Authenticate", OWNER_HEADER)) {
            response.headers().firstValue(header).ifPresent(value -> relayed.header(header, value));
        }
        return relayed.build();
    }

    private static String withLocal(String pathAndQuery) {
        return pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "local=true";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
