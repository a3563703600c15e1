package com.wedsync.perf.scaling.plan;

import com.wedsync.perf.model.event.ScalingRecommendation;
import com.wedsync.perf.model.event.WeddingSchedule;
import com.wedsync.perf.scaling.forecast.Forecast;
import com.wedsync.perf.scaling.forecast.ForecastHour;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a forecast into recommendations: per hour the cheapest instance count keeping forecast utilisation under the
 * target, raised {@code lead} ahead of need, held through each wedding's window (from {@code lead} before the
 * ceremony to {@code weddingAfter} after it — never scaled down inside one), and kept {@code stabilisation} after a peak;
 * connections follow instances, cache the weddings in their window, monitoring density the nearest ceremony. Hours with
 * the same plan become one recommendation. A critical wedding-day alert raises the next {@code emergencyHold} at once.
 */
public final class Planner {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final CapacityModel capacity;
    private final ZoneId zone;

    public Planner(CapacityModel capacity, ZoneId zone) {
        this.capacity = capacity;
        this.zone = zone;
    }

    private record Hour(ForecastHour forecast, int instances, int connections, int cacheMb, int interval, int activeWeddings,
                        boolean emergency) {

        boolean samePlan(Hour other) {
            return instances == other.instances && connections == other.connections && cacheMb == other.cacheMb
                    && interval == other.interval && emergency == other.emergency;
        }
    }

    public List<ScalingRecommendation> plan(Forecast forecast, List<WeddingSchedule> weddings, Optional<Emergency> emergency,
                                            Instant now) {
        List<ForecastHour> hours = forecast.hours();
        int n = hours.size();
        int[] need = new int[n];
        for (int i = 0; i < n; i++) {
            need[i] = capacity.instancesFor(hours.get(i).forecast());
        }
        int leadHours = (int) Math.ceil(capacity.lead().toMinutes() / 60.0);
        int[] ahead = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j <= Math.min(n - 1, i + leadHours); j++) {
                ahead[i] = Math.max(ahead[i], need[j]);
            }
        }
        for (WeddingSchedule w : weddings) {
            int from = index(forecast, w.ceremonyAt().minus(capacity.lead()));
            int to = index(forecast, w.ceremonyAt().plus(capacity.weddingAfter()));
            int peak = 0;
            for (int i = Math.max(0, from); i <= Math.min(n - 1, to); i++) {
                peak = Math.max(peak, need[i]);
            }
            for (int i = Math.max(0, from); i <= Math.min(n - 1, to); i++) {
                ahead[i] = Math.max(ahead[i], peak);
            }
        }
        int stabilisationHours = (int) Math.ceil(capacity.stabilisation().toMinutes() / 60.0);
        Instant emergencyUntil = emergency.map(e -> now.plus(capacity.emergencyHold())).orElse(Instant.MIN);
        List<Hour> planned = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int instances = ahead[i];
            for (int j = Math.max(0, i - stabilisationHours); j < i; j++) {
                instances = Math.max(instances, ahead[j]);
            }
            ForecastHour hour = hours.get(i);
            int active = activeWeddings(weddings, hour.hour());
            int connections = capacity.connectionsFor(instances);
            int cache = capacity.cacheFor(active);
            int interval = MonitoringDensity.seconds(weddings, hour.hour(), capacity.weddingAfter());
            boolean raised = hour.hour().isBefore(emergencyUntil);
            if (raised) {
                instances = CapacityModel.clamp(Math.max(instances + 2, (int) Math.ceil(instances * 1.5)), 2, CapacityModel.MAX_INSTANCES);
                connections = CapacityModel.clamp((int) Math.ceil(capacity.connectionsFor(instances) * 1.5), 20, CapacityModel.MAX_CONNECTIONS);
                cache = Math.min(CapacityModel.MAX_CACHE_MB, cache + 256);
                interval = 10;
            }
            planned.add(new Hour(hour, CapacityModel.clamp(instances, 2, 10), connections, cache, interval, active, raised));
        }
        List<ScalingRecommendation> recommendations = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || !planned.get(i).samePlan(planned.get(start))) {
                recommendations.add(segment(forecast, planned.subList(start, i), weddings, emergency, now));
                start = i;
            }
        }
        return recommendations;
    }

    private ScalingRecommendation segment(Forecast forecast, List<Hour> hours, List<WeddingSchedule> weddings,
                                          Optional<Emergency> emergency, Instant now) {
        Hour first = hours.get(0);
        Hour peak = hours.stream().max(java.util.Comparator.comparingDouble(h -> h.forecast().forecast())).orElseThrow();
        Instant from = first.forecast().hour();
        Instant until = hours.get(hours.size() - 1).forecast().hour().plus(Duration.ofHours(1));
        double ratio = hours.stream().mapToDouble(h -> h.forecast().ratio()).max().orElse(1);
        String reason = first.emergency() ? emergencyReason(emergency.orElseThrow(), first)
                : reason(peak, ratio, weddings, from, until);
        return new ScalingRecommendation(forecast.tenant(), now, from, until, first.instances(), first.connections(),
                first.cacheMb(), ratio, first.interval(), first.emergency(), reason);
    }

    private String reason(Hour peak, double ratio, List<WeddingSchedule> weddings, Instant from, Instant until) {
        ForecastHour f = peak.forecast();
        String utilisation = String.format(Locale.ROOT, "peak utilisation %.0f%% of %d instances (target %.0f%%)",
                100 * capacity.utilisation(f.forecast(), peak.instances()), peak.instances(), 100 * capacity.targetUtilisation());
        List<WeddingSchedule> inWindow = weddings.stream().filter(w -> inWindow(w, from, until)).toList();
        if (!inWindow.isEmpty()) {
            int guests = inWindow.stream().mapToInt(WeddingSchedule::guestCount).sum();
            WeddingSchedule next = inWindow.stream().min(java.util.Comparator.comparing(WeddingSchedule::ceremonyAt)).orElseThrow();
            Instant windowOpens = next.ceremonyAt().minus(capacity.lead());
            String ahead = !windowOpens.isBefore(from) && windowOpens.isBefore(until) ? "; in place from " + HOUR.format(from.atZone(zone)) + ", "
                    + Duration.between(from, next.ceremonyAt()).toMinutes() / 60.0 + " h before the "
                    + HOUR.format(next.ceremonyAt().atZone(zone)) + " ceremony" : "";
            return String.format(Locale.ROOT, "%s, %d wedding%s, %d guests: forecast %s%s; %s",
                    WHEN.format(f.hour().atZone(zone)), inWindow.size(), inWindow.size() == 1 ? "" : "s", guests,
                    versus(f, ratio), ahead, utilisation);
        }
        return String.format(Locale.ROOT, "%s–%s: forecast %.0f load units/h at the peak (%s), %s; %s",
                WHEN.format(from.atZone(zone)), HOUR.format(until.atZone(zone)), f.forecast(), versus(f, ratio),
                f.weddingLoad() > 0 ? "a wedding approaching" : "hour-of-week profile", utilisation);
    }

    /** "2.7× baseline", or the load itself when there is no baseline yet (no history). */
    private static String versus(ForecastHour hour, double ratio) {
        return hour.baseline() > 0 ? String.format(Locale.ROOT, "%.1f× baseline", ratio)
                : String.format(Locale.ROOT, "%.0f load units/h over no baseline yet", hour.forecast());
    }

    private static String emergencyReason(Emergency emergency, Hour hour) {
        return "emergency: critical wedding-day alert firing since " + emergency.since() + " (" + emergency.summary()
                + "); capacity raised at once to " + hour.instances() + " instances until it resolves";
    }

    private int activeWeddings(List<WeddingSchedule> weddings, Instant hour) {
        return (int) weddings.stream().filter(w -> inWindow(w, hour, hour.plus(Duration.ofHours(1)))).count();
    }

    /** Whether the wedding's window (lead before the ceremony to weddingAfter after) overlaps [from, until). */
    private boolean inWindow(WeddingSchedule w, Instant from, Instant until) {
        return from.isBefore(w.ceremonyAt().plus(capacity.weddingAfter())) && until.isAfter(w.ceremonyAt().minus(capacity.lead()));
    }

    private static int index(Forecast forecast, Instant at) {
        return (int) Math.floorDiv(Duration.between(forecast.firstHour(), at).toMinutes(), 60);
    }
}
