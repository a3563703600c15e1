package com.wedsync.perf.aggregation.interference;

import com.wedsync.perf.model.event.InterferenceFinding;
import com.wedsync.perf.model.event.VictimEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges one minute of every tenant's server traffic: which tenants spiked well above their own baseline, which
 * others slowed well beyond theirs without being busier themselves, and — by the correlation of the spiking
 * tenant's volume with each slowed tenant's p95 over the look-back — who most likely hurt whom.
 */
public final class InterferenceRules {

    private static final long MINUTE = 60_000;

    private final InterferenceSettings settings;

    public InterferenceRules(InterferenceSettings settings) {
        this.settings = settings;
    }

    /** The findings for the minute starting at {@code minute}, one per victim, each listing every victim. */
    public List<InterferenceFinding> evaluate(long minute, Map<String, TenantHistory> tenants, Instant detectedAt) {
        long from = minute - settings.lookbackMinutes() * MINUTE;
        List<String> suspects = tenants.entrySet().stream()
                .filter(e -> isSpiking(e.getValue(), minute, from)).map(Map.Entry::getKey).sorted().toList();
        if (suspects.isEmpty()) {
            return List.of();
        }
        Map<String, List<VictimEvidence>> victimsByAntagonist = new LinkedHashMap<>();
        for (Map.Entry<String, TenantHistory> candidate : tenants.entrySet()) {
            String victim = candidate.getKey();
            if (suspects.contains(victim)) {
                continue;
            }
            Optional<VictimEvidence> best = Optional.empty();
            String antagonist = null;
            for (String suspect : suspects) {
                Optional<VictimEvidence> evidence = evidence(victim, candidate.getValue(), tenants.get(suspect), minute, from);
                if (evidence.isPresent() && (best.isEmpty() || evidence.get().correlation() > best.get().correlation())) {
                    best = evidence;
                    antagonist = suspect;
                }
            }
            if (best.isPresent()) {
                victimsByAntagonist.computeIfAbsent(antagonist, a -> new ArrayList<>()).add(best.get());
            }
        }
        List<InterferenceFinding> findings = new ArrayList<>();
        victimsByAntagonist.forEach((antagonist, victims) -> {
            TenantHistory history = tenants.get(antagonist);
            long requests = history.at(minute).map(TenantMinute::requests).orElse(0L);
            double baseline = baselineVolume(history, minute, from);
            List<VictimEvidence> sorted = victims.stream().sorted(Comparator.comparing(VictimEvidence::tenant)).toList();
            String findingId = antagonist + "@" + Instant.ofEpochMilli(minute);
            for (VictimEvidence victim : sorted) {
                findings.add(new InterferenceFinding(findingId, victim.tenant(), antagonist, Instant.ofEpochMilli(minute),
                        Instant.ofEpochMilli(minute + MINUTE), requests, baseline, sorted, settings.lookbackMinutes(),
                        detectedAt));
            }
        });
        return findings;
    }

    private boolean isSpiking(TenantHistory history, long minute, long from) {
        Optional<TenantMinute> now = history.at(minute);
        if (now.isEmpty() || now.get().requests() < settings.minSpikeRequests() || !hasHistory(history, minute, from)) {
            return false;
        }
        return now.get().requests() >= settings.volumeRatio() * baselineVolume(history, minute, from);
    }

    private Optional<VictimEvidence> evidence(String victim, TenantHistory history, TenantHistory suspect,
                                              long minute, long from) {
        Optional<TenantMinute> now = history.at(minute);
        if (now.isEmpty() || now.get().requests() < settings.minVictimRequests() || !hasHistory(history, minute, from)) {
            return Optional.empty();
        }
        if (now.get().requests() >= settings.volumeRatio() * baselineVolume(history, minute, from)) {
            return Optional.empty(); // busier than usual itself: its own load explains its latency
        }
        List<TenantMinute> before = history.between(from, minute).stream().filter(m -> m.requests() > 0).toList();
        if (before.size() < settings.minHistoryMinutes()) {
            return Optional.empty();
        }
        double baselineP95 = Statistics.median(before.stream().mapToDouble(TenantMinute::p95Ms).toArray());
        if (now.get().p95Ms() < settings.latencyRatio() * baselineP95) {
            return Optional.empty();
        }
        List<TenantMinute> window = history.between(from + MINUTE, minute + MINUTE);
        double[] volume = window.stream().mapToDouble(m -> suspect.at(m.minuteStart()).map(TenantMinute::requests).orElse(0L)).toArray();
        double[] latency = window.stream().mapToDouble(TenantMinute::p95Ms).toArray();
        double correlation = Statistics.pearson(volume, latency);
        if (!(correlation >= settings.minCorrelation())) {
            return Optional.empty();
        }
        return Optional.of(new VictimEvidence(victim, now.get().p95Ms(), baselineP95, Math.min(1, correlation)));
    }

    /** Average requests per minute over the look-back before {@code minute}, counting quiet minutes as zero. */
    private double baselineVolume(TenantHistory history, long minute, long from) {
        List<TenantMinute> before = history.between(from, minute);
        if (before.isEmpty()) {
            return 0;
        }
        long span = (minute - before.get(0).minuteStart()) / MINUTE;
        return before.stream().mapToLong(TenantMinute::requests).sum() / (double) span;
    }

    private boolean hasHistory(TenantHistory history, long minute, long from) {
        List<TenantMinute> before = history.between(from, minute);
        return !before.isEmpty() && (minute - before.get(0).minuteStart()) / MINUTE >= settings.minHistoryMinutes();
    }
}
