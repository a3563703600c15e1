package com.wedsync.perf.scaling.engine;

import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.model.topic.Topics;
import com.wedsync.perf.scaling.ScalingConfig;
import com.wedsync.perf.scaling.forecast.Forecast;
import com.wedsync.perf.scaling.forecast.ForecastHour;
import com.wedsync.perf.scaling.forecast.ForecastSettings;
import com.wedsync.perf.scaling.forecast.Forecaster;
import com.wedsync.perf.scaling.forecast.PlatformShape;
import com.wedsync.perf.scaling.forecast.WeddingEffect;
import com.wedsync.perf.scaling.forecast.WeddingEffectFit;
import com.wedsync.perf.scaling.load.LoadStore;
import com.wedsync.perf.scaling.plan.Emergency;
import com.wedsync.perf.scaling.plan.Planner;
import com.wedsync.perf.scaling.wedding.WeddingBook;
import com.wedsync.perf.service.outbox.EventOutbox;
import com.wedsync.perf.service.tenant.TenantDirectory;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Makes the forecasts and plans: reads every tenant's hourly load, fits the wedding effect on all of them, forecasts
 * each tenant and the platform ({@value ScalingRecommendation#PLATFORM}: the sum), plans capacity, and stores both —
 * a tenant whose inputs (hour, weddings, emergency, model) did not change since its last forecast is left as it is.
 * One instance at a time (a PostgreSQL advisory lock); the others find the results in the database.
 */
@ApplicationScoped
public class ScalingEngine {

    private static final Logger LOG = Logger.getLogger(ScalingEngine.class);

    private final LoadStore load;
    private final WeddingBook weddings;
    private final TenantDirectory tenants;
    private final Emergencies emergencies;
    private final PredictionStore predictions;
    private final RecommendationStore recommendations;
    private final EventOutbox events;
    private final RefreshLock lock;
    private final ForecastSettings settings;
    private final Forecaster forecaster;
    private final Planner planner;
    private volatile WeddingEffect effect;

    public ScalingEngine(LoadStore load, WeddingBook weddings, TenantDirectory tenants, Emergencies emergencies,
                         PredictionStore predictions, RecommendationStore recommendations, EventOutbox events,
                         RefreshLock lock, ScalingConfig config) {
        this.load = load;
        this.weddings = weddings;
        this.tenants = tenants;
        this.emergencies = emergencies;
        this.predictions = predictions;
        this.recommendations = recommendations;
        this.events = events;
        this.lock = lock;
        this.settings = config.forecastSettings();
        this.forecaster = new Forecaster(settings);
        this.planner = new Planner(config.capacityModel(), settings.zone());
        this.effect = settings.prior();
    }

    /** The wedding effect the last refresh used. */
    public WeddingEffect effect() {
        return effect;
    }

    /** Refreshes every tenant and the platform as of {@code now}; answers how many forecasts changed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = 300)
    public int refresh(Instant now) {
        if (!lock.tryTake()) {
            LOG.debug("another instance is refreshing the forecasts");
            return -1;
        }
        return refreshLocked(now);
    }

    private int refreshLocked(Instant now) {
        long started = System.nanoTime();
        Instant firstHour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Map<String, SortedMap<Instant, Double>> histories = load.hourly(firstHour.minus(Duration.ofDays(7L * settings.historyWeeks())), firstHour);
        Map<String, List<WeddingSchedule>> byTenant = weddings.byTenant();
        WeddingEffect fitted = WeddingEffectFit.fit(histories, byTenant, settings, now);
        effect = fitted;
        Map<String, java.util.function.ToDoubleFunction<Instant>> weddingLoads = new HashMap<>();
        byTenant.forEach((tenant, own) -> weddingLoads.put(tenant, h -> WeddingEffectFit.load(fitted, own, h)));
        PlatformShape shape = PlatformShape.learn(histories, weddingLoads, settings, now);

        TreeSet<String> all = new TreeSet<>(histories.keySet());
        all.addAll(byTenant.keySet());
        tenants.all().forEach(t -> all.add(t.tenantId()));
        all.remove(ScalingRecommendation.PLATFORM);

        List<Forecast> forecasts = new ArrayList<>();
        int changed = 0;
        for (String tenant : all) {
            List<WeddingSchedule> own = byTenant.getOrDefault(tenant, List.of());
            Forecast forecast = forecaster.forecast(tenant, now, histories.getOrDefault(tenant, new TreeMap<>()), own, fitted, shape);
            forecasts.add(forecast);
            changed += store(forecast, own, emergencies.active(tenant), fitted, now) ? 1 : 0;
        }
        List<WeddingSchedule> everyWedding = byTenant.values().stream().flatMap(List::stream).toList();
        Forecast platform = sum(forecasts, now, firstHour, shape);
        changed += store(platform, everyWedding, Optional.empty(), fitted, now) ? 1 : 0;
        LOG.infof("forecasts refreshed for %d tenants and the platform in %d ms: %d changed; wedding load %s",
                all.size(), (System.nanoTime() - started) / 1_000_000, changed, fitted.basis());
        return changed;
    }

    private boolean store(Forecast forecast, List<WeddingSchedule> own, Optional<Emergency> emergency, WeddingEffect fitted,
                          Instant now) {
        String digest = digest(forecast, own, emergency, fitted);
        if (predictions.latestDigest(forecast.tenant()).filter(digest::equals).isPresent()) {
            return false;
        }
        java.util.UUID setId = predictions.save(forecast, digest);
        List<ScalingRecommendation> plan = planner.plan(forecast, own, emergency, now);
        recommendations.replace(forecast.tenant(), setId, plan, now);
        for (ScalingRecommendation recommendation : plan) {
            events.append(Topics.SCALING, recommendation.tenant(), recommendation);
        }
        return true;
    }

    private Forecast sum(List<Forecast> forecasts, Instant now, Instant firstHour, PlatformShape shape) {
        List<ForecastHour> hours = new ArrayList<>();
        for (int i = 0; i < settings.horizonHours(); i++) {
            double forecast = 0;
            double baseline = 0;
            double weddingLoad = 0;
            int count = 0;
            int guests = 0;
            for (Forecast f : forecasts) {
                ForecastHour h = f.hours().get(i);
                forecast += h.forecast();
                baseline += h.baseline();
                weddingLoad += h.weddingLoad();
                count += h.weddings();
                guests += h.guests();
            }
            hours.add(new ForecastHour(firstHour.plus(Duration.ofHours(i)), i, forecast, baseline, weddingLoad, count, guests));
        }
        return new Forecast(ScalingRecommendation.PLATFORM, now, firstHour, "the sum of " + forecasts.size()
                + " tenants' forecasts (platform shape from " + shape.tenants() + " tenants with history)", hours);
    }

    /** What a forecast depends on besides history: its hour, the tenant's weddings, an emergency, the wedding model. */
    private static String digest(Forecast forecast, List<WeddingSchedule> own, Optional<Emergency> emergency, WeddingEffect fitted) {
        StringBuilder inputs = new StringBuilder(forecast.firstHour().toString()).append('|').append(fitted.basis());
        own.stream().sorted(Comparator.comparing(WeddingSchedule::weddingId)).forEach(w -> inputs.append('|')
                .append(w.weddingId()).append(w.ceremonyAt()).append(w.guestCount()).append('/').append(w.vendorCount()));
        emergency.ifPresent(e -> inputs.append("|emergency ").append(e.alertId()));
        forecast.hours().forEach(h -> inputs.append('|').append(Math.round(h.forecast())));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(inputs.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
