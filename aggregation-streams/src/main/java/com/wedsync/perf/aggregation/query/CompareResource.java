package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.event.Arms;
import com.wedsync.perf.model.event.DeviceClass;
import com.wedsync.perf.model.event.ServerOperations;
import com.wedsync.perf.model.event.Source;
import com.wedsync.perf.model.route.RouteNormalizer;
import com.wedsync.perf.model.stats.ArmComparison;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Releases and experiment variants side by side: {@code GET /v1/compare}. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CompareResource {

    private final TrendService trends;
    private final CurrentCaller caller;

    public CompareResource(TrendService trends, CurrentCaller caller) {
        this.trends = trends;
        this.caller = caller;
    }

    @GET
    @Path("/compare")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "Arm b against arm a (two releases, or two variants of an experiment) over the minutes both ran: "
            + "per route and device the p75 of each with a 95 % interval, the difference and a verdict, corrected for "
            + "the number of cells")
    public CompareView compare(@QueryParam("tenant") String tenant, @QueryParam("source") String source,
                               @QueryParam("metric") String metric, @QueryParam("route") String route,
                               @QueryParam("device") String device, @QueryParam("a") String a, @QueryParam("b") String b,
                               @QueryParam("window") String window, @QueryParam("minSamples") Long minSamples,
                               @QueryParam("minEffect") Double minEffect) {
        String checkedTenant = required(tenant, "tenant");
        caller.get().requireTenant(checkedTenant);
        Source parsedSource = source(source);
        String checkedMetric = metric(parsedSource, metric);
        String armA = arm(a, "a");
        String armB = arm(b, "b");
        if (armA.equals(armB)) {
            throw ApiException.badRequest("invalid_arms", "a and b are the same arm: " + armA);
        }
        ArmComparison.Settings settings = settings(minSamples, minEffect);
        Instant to = Instant.now();
        Instant from = to.minus(TrendResource.window(window));
        List<ArmWindow> windows = trends.armWindows(checkedTenant, parsedSource, checkedMetric, arms(armA, armB), from, to,
                caller.authorization());
        if (parsedSource == Source.SERVER && route != null && !route.isBlank()) {
            throw ApiException.badRequest("invalid_route", "server timings are compared per operation, not per route");
        }
        String checkedRoute = route == null || route.isBlank() ? null : RouteNormalizer.normalize(route.strip());
        List<ArmComparison.Result<ArmCompare.Cell>> results = ArmComparison.compare(
                ArmCompare.cells(windows, armA, armB, checkedRoute, device(parsedSource, device)), settings);
        return CompareView.of(checkedTenant, parsedSource.name().toLowerCase(Locale.ROOT), checkedMetric, armA, armB, from,
                to, settings, results);
    }

    @GET
    @Path("/internal/arm-windows")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(hidden = true)
    public List<ArmWindow> armWindows(@QueryParam("tenant") String tenant, @QueryParam("source") String source,
                                      @QueryParam("metric") String metric, @QueryParam("arm") List<String> arms,
                                      @QueryParam("from") String from, @QueryParam("to") String to) {
        String checkedTenant = required(tenant, "tenant");
        caller.get().requireTenant(checkedTenant);
        Source parsedSource = source(source);
        Set<String> checkedArms = new LinkedHashSet<>();
        for (String arm : arms) {
            checkedArms.add(arm(arm, "arm"));
        }
        Instant end = TrendQuery.instant(to, "to", Instant.now());
        return trends.localArmWindows(checkedTenant, parsedSource, metric(parsedSource, metric), checkedArms,
                TrendQuery.instant(from, "from", end.minus(Duration.ofHours(24))), end);
    }

    private static ArmComparison.Settings settings(Long minSamples, Double minEffect) {
        ArmComparison.Settings defaults = ArmComparison.Settings.DEFAULT;
        long samples = minSamples == null ? defaults.minSamples() : minSamples;
        double effect = minEffect == null ? defaults.minEffect() : minEffect;
        if (samples < 20 || samples > 1_000_000) {
            throw ApiException.badRequest("invalid_min_samples", "minSamples must be between 20 and 1000000");
        }
        if (!(effect >= 0 && effect <= 1)) {
            throw ApiException.badRequest("invalid_min_effect", "minEffect is a share (0.05 = 5 %) between 0 and 1");
        }
        return new ArmComparison.Settings(defaults.quantile(), defaults.alpha(), samples, effect);
    }

    private static Set<String> arms(String a, String b) {
        return new LinkedHashSet<>(List.of(a, b));
    }

    private static Source source(String source) {
        if (source == null || source.isBlank() || source.strip().equalsIgnoreCase("rum")) {
            return Source.RUM;
        }
        if (source.strip().equalsIgnoreCase("server")) {
            return Source.SERVER;
        }
        throw ApiException.badRequest("invalid_source", "source must be rum or server");
    }

    private static String metric(Source source, String metric) {
        if (source == Source.RUM) {
            return TrendQuery.rumMetric(metric);
        }
        String operation = required(metric, "metric");
        if (!ServerOperations.isValidName(operation)) {
            throw ApiException.badRequest("invalid_metric", "metric must be an operation name for source=server");
        }
        return operation;
    }

    private static String device(Source source, String device) {
        if (device == null || device.isBlank()) {
            return null;
        }
        if (source == Source.SERVER) {
            throw ApiException.badRequest("invalid_device", "server timings have no device");
        }
        try {
            return DeviceClass.valueOf(device.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_device", "device must be one of " + List.of(DeviceClass.values()));
        }
    }

    private static String arm(String arm, String name) {
        String value = required(arm, name);
        if (!Arms.isArm(value)) {
            throw ApiException.badRequest("invalid_arm", "'" + name + "' must be a release (" + Arms.RELEASE.pattern()
                    + ") or an experiment variant such as checkout-v2:B (" + Arms.VARIANT.pattern() + ")");
        }
        return value;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("missing_" + name, "query parameter '" + name + "' is required");
        }
        return value.strip();
    }
}
