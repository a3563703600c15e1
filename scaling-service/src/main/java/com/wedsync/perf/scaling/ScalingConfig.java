package com.wedsync.perf.scaling;

import com.wedsync.perf.scaling.forecast.ForecastSettings;
import com.wedsync.perf.scaling.forecast.SeasonFactors;
import com.wedsync.perf.scaling.forecast.WeddingEffect;
import com.wedsync.perf.scaling.plan.CapacityModel;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.time.ZoneId;

/** The {@code scaling.*} settings (application.properties, each overridable by its environment variable). */
@ConfigMapping(prefix = "scaling")
public interface ScalingConfig {

    ZoneId zone();

    int horizonHours();

    int historyWeeks();

    double halfLifeWeeks();

    int minHistoryDays();

    int minWeddings();

    String seasonFactors();

    Prior prior();

    String refreshCron();

    /** How often emergencies whose after-window closed are measured ({@code ResponseReview}), e.g. {@code 15s}. */
    String responseReviewEvery();

    int scheduledDays();

    Capacity capacity();

    interface Prior {
        double perGuest();

        double perVendor();
    }

    interface Capacity {
        double loadPerInstance();

        double targetUtilisation();

        int connectionsPerInstance();

        int cacheBaseMb();

        int cachePerWeddingMb();

        Duration lead();

        Duration stabilisation();

        Duration weddingAfter();

        Duration emergencyHold();
    }

    default ForecastSettings forecastSettings() {
        return new ForecastSettings(zone(), historyWeeks(), halfLifeWeeks(), minHistoryDays(), minWeddings(), horizonHours(),
                SeasonFactors.parse(seasonFactors()), WeddingEffect.prior(prior().perGuest(), prior().perVendor()));
    }

    default CapacityModel capacityModel() {
        Capacity c = capacity();
        return new CapacityModel(c.loadPerInstance(), c.targetUtilisation(), c.connectionsPerInstance(), c.cacheBaseMb(),
                c.cachePerWeddingMb(), c.lead(), c.stabilisation(), c.lead(), c.weddingAfter(), c.emergencyHold());
    }
}
