package com.wedsync.perf.scaling.api;

import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.scaling.ScalingConfig;
import com.wedsync.perf.scaling.engine.AccuracyReport;
import com.wedsync.perf.scaling.engine.PredictionStore;
import com.wedsync.perf.scaling.engine.ScalingEngine;
import com.wedsync.perf.scaling.forecast.Forecast;
import com.wedsync.perf.scaling.forecast.ForecastHour;
import com.wedsync.perf.scaling.forecast.WeddingEffect;
import com.wedsync.perf.scaling.wedding.WeddingBook;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Load forecasts: the next hours with their wedding bumps, weddings further ahead, and how past forecasts fared. */
@Path("/v1/forecasts")
@Produces(MediaType.APPLICATION_JSON)
@Access({Grant.OPS, Grant.TENANT_READ})
public class ForecastResource {

    /** A wedding beyond the forecast's horizon: when its capacity will go up, and roughly by how much. */
    public record ScheduledScaleUp(String weddingId, Instant ceremonyAt, int guests, int vendors, Instant scaleUpAt,
                                   Instant entersForecastAt, double extraLoadAtCeremony) {
    }

    /** The answer of GET /v1/forecasts. */
    public record ForecastView(String tenant, Instant generatedAt, Instant firstHour, String basis, String weddingModel,
                               List<HourView> hours, List<ScheduledScaleUp> scheduledScaleUps) {
    }

    /** One hour, with its forecast over baseline. */
    public record HourView(Instant hour, int horizon, double forecast, double baseline, double weddingLoad, int weddings,
                           int guests, double ratio) {

        static HourView of(ForecastHour h) {
            return new HourView(h.hour(), h.horizon(), round(h.forecast()), round(h.baseline()), round(h.weddingLoad()),
                    h.weddings(), h.guests(), Math.round(h.ratio() * 100) / 100.0);
        }

        private static double round(double value) {
            return Math.round(value * 10) / 10.0;
        }
    }

    private final PredictionStore predictions;
    private final AccuracyReport accuracy;
    private final WeddingBook weddings;
    private final ScalingEngine engine;
    private final TenantScope scope;
    private final ScalingConfig config;

    public ForecastResource(PredictionStore predictions, AccuracyReport accuracy, WeddingBook weddings, ScalingEngine engine,
                            TenantScope scope, ScalingConfig config) {
        this.predictions = predictions;
        this.accuracy = accuracy;
        this.weddings = weddings;
        this.engine = engine;
        this.scope = scope;
        this.config = config;
    }

    @GET
    @Operation(summary = "The tenant's (or with the ops token the platform's, tenant=*) hourly load forecast and the "
            + "weddings beyond it")
    public ForecastView forecast(@QueryParam("tenant") String tenant, @QueryParam("hours") Integer hours) {
        String which = scope.require(tenant);
        int limit = hours == null ? config.horizonHours() : hours;
        if (limit < 1 || limit > config.horizonHours()) {
            throw ApiException.badRequest("invalid_hours", "hours must be 1–" + config.horizonHours());
        }
        Forecast forecast = predictions.latest(which).orElseThrow(() -> ApiException.unavailable(
                "no forecast for '" + which + "' yet: forecasts are made within seconds of start and of every wedding change", 5))
                .forecast();
        Instant horizonEnd = forecast.firstHour().plus(Duration.ofHours(forecast.hours().size()));
        WeddingEffect effect = engine.effect();
        List<ScheduledScaleUp> later = weddings.all().stream()
                .filter(w -> w.status() == com.wedsync.perf.model.event.WeddingStatus.SCHEDULED)
                .filter(w -> ScalingRecommendation.PLATFORM.equals(which) || w.tenant().equals(which))
                .filter(w -> !w.ceremonyAt().plus(Duration.ofHours(WeddingEffect.FIRST_OFFSET)).isBefore(horizonEnd))
                .filter(w -> w.ceremonyAt().isBefore(forecast.firstHour().plus(Duration.ofDays(config.scheduledDays()))))
                .sorted(Comparator.comparing(WeddingSchedule::ceremonyAt))
                .map(w -> new ScheduledScaleUp(w.weddingId(), w.ceremonyAt(), w.guestCount(), w.vendorCount(),
                        w.ceremonyAt().minus(config.capacity().lead()),
                        w.ceremonyAt().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                                .plus(Duration.ofHours(WeddingEffect.FIRST_OFFSET)).minus(Duration.ofHours(config.horizonHours())),
                        Math.round(effect.peak(w.guestCount(), w.vendorCount()) * 10) / 10.0))
                .toList();
        return new ForecastView(which, forecast.generatedAt(), forecast.firstHour(), forecast.basis(), effect.basis(),
                forecast.hours().stream().limit(limit).map(HourView::of).toList(), later);
    }

    @GET
    @Path("/accuracy")
    @Operation(summary = "How past forecasts compared with the load that came: MAPE and bias per horizon, and a "
            + "seasonal-naive forecast's MAPE on the same hours")
    public AccuracyReport.Report accuracy(@QueryParam("tenant") String tenant, @QueryParam("days") Integer days) {
        String which = scope.require(tenant);
        int span = days == null ? 7 : days;
        if (span < 1 || span > 90) {
            throw ApiException.badRequest("invalid_days", "days must be 1–90");
        }
        return accuracy.of(which, span, Instant.now());
    }
}
