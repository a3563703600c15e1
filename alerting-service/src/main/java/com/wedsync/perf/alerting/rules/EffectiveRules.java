package com.wedsync.perf.alerting.rules;

import com.wedsync.perf.model.slo.OperationObjective;
import com.wedsync.perf.model.slo.OperationObjectives;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.wedsync.perf.model.event.ServerOperations;
import com.wedsync.perf.model.event.Severity;
import com.wedsync.perf.model.event.Tier;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules a tenant's alerts are judged by: the defaults of its tier (REQUIREMENTS.md), overlaid with its own
 * overrides. Premium tenants' server ladder is their SLA's, twice as strict as the standard one.
 */
public record EffectiveRules(@JsonIgnore Duration forDuration, @JsonIgnore Duration keepFiringFor, int minSamples,
                             String serverPercentile,
                             Map<String, BrowserThreshold> browser, List<ServerLevel> server,
                             Map<String, Double> weddingDayLatencyMs) {

    static final Set<String> BROWSER_METRICS = Set.of("LCP", "INP", "CLS", "FCP", "TTFB", "FID");

    /** Browser thresholds at p75: LCP, FID and CLS from REQUIREMENTS.md; INP, FCP, TTFB at the public good / poor limits. */
    static final Map<String, BrowserThreshold> BROWSER_DEFAULTS = Map.of(
            "LCP", new BrowserThreshold("p75", 2000, 3000),
            "FID", new BrowserThreshold("p75", 80, 150),
            "CLS", new BrowserThreshold("p75", 0.08, 0.15),
            "INP", new BrowserThreshold("p75", 200, 500),
            "FCP", new BrowserThreshold("p75", 1800, 3000),
            "TTFB", new BrowserThreshold("p75", 800, 1800));

    static final List<ServerLevel> STANDARD_SERVER = List.of(
            new ServerLevel(Severity.CRITICAL, 5000, 0.10),
            new ServerLevel(Severity.HIGH, 3000, 0.05),
            new ServerLevel(Severity.MEDIUM, 2000, 0.02));

    static final List<ServerLevel> PREMIUM_SERVER = List.of(
            new ServerLevel(Severity.CRITICAL, 2500, 0.05),
            new ServerLevel(Severity.HIGH, 1500, 0.02),
            new ServerLevel(Severity.MEDIUM, 1000, 0.01));

    public EffectiveRules {
        server = server.stream().sorted(Comparator.comparing(ServerLevel::severity).reversed()).toList();
        weddingDayLatencyMs = weddingDayLatencyMs == null ? Map.of() : Map.copyOf(weddingDayLatencyMs);
    }

    /** The operation's wedding-day objective: the catalogue's, tightened where the tenant asked. */
    public OperationObjective objective(String operation) {
        OperationObjective guarantee = OperationObjectives.of(operation);
        Double own = weddingDayLatencyMs.get(operation);
        return own == null ? guarantee : new OperationObjective(operation, guarantee.percentile(), own, guarantee.errorRate());
    }

    /**
     * The operation's ordinary-day objective: the first step of the tenant's server ladder (REQUIREMENTS.md: 2 s or
     * 2 % errors at medium; the premium SLA ladder twice as strict), at the tenant's server percentile, stretched to
     * the operation's wedding-day latency where that is higher — an ordinary day never asks more of an operation than
     * its wedding day does (a photo upload: 5 s, not 2 s). Below it an ordinary minute is clear; each further step of
     * the ladder is stretched alike ({@link ThresholdRule}).
     */
    public OperationObjective ordinaryDayObjective(String operation) {
        ServerLevel first = server.get(server.size() - 1);
        double stretch = Math.max(1, objective(operation).latencyMs() / first.latencyMs());
        return new OperationObjective(operation, serverPercentile, first.latencyMs() * stretch, first.errorRate());
    }

    /** The ordinary-day objectives of the operations WedSync times and the tenant's own; read-only. */
    @JsonProperty("ordinaryDayObjectives")
    public List<OperationObjective> ordinaryDayObjectives() {
        return operations().stream().map(this::ordinaryDayObjective).toList();
    }

    /** As {@link RuleOverrides} takes it. */
    @JsonProperty("forSeconds")
    public long forSeconds() {
        return forDuration.toSeconds();
    }

    /** What each operation WedSync times must achieve on a wedding day ({@link OperationObjectives}); read-only. */
    @JsonProperty("weddingDayObjectives")
    public List<OperationObjective> weddingDayObjectives() {
        return operations().stream().map(this::objective).toList();
    }

    /** The five operations WedSync times, then those the tenant gave an objective of its own, by name. */
    private Set<String> operations() {
        Set<String> operations = new LinkedHashSet<>(ServerOperations.KNOWN);
        operations.addAll(new TreeSet<>(weddingDayLatencyMs.keySet()));
        return operations;
    }

    @JsonProperty("keepFiringForSeconds")
    public long keepFiringForSeconds() {
        return keepFiringFor.toSeconds();
    }

    public static EffectiveRules of(Tier tier, Duration forDuration, Duration keepFiringFor, int minSamples,
                                    RuleOverrides overrides) {
        Map<String, BrowserThreshold> browser = new HashMap<>(BROWSER_DEFAULTS);
        if (overrides.browser() != null) {
            browser.putAll(overrides.browser());
        }
        List<ServerLevel> server = overrides.server() != null && !overrides.server().isEmpty() ? overrides.server()
                : tier == Tier.PREMIUM ? PREMIUM_SERVER : STANDARD_SERVER;
        return new EffectiveRules(
                overrides.forSeconds() == null ? forDuration : Duration.ofSeconds(overrides.forSeconds()),
                overrides.keepFiringForSeconds() == null ? keepFiringFor : Duration.ofSeconds(overrides.keepFiringForSeconds()),
                overrides.minSamples() == null ? minSamples : overrides.minSamples(),
                overrides.serverPercentile() == null ? "p75" : overrides.serverPercentile(),
                Map.copyOf(browser), server, overrides.weddingDayLatencyMs());
    }
}
