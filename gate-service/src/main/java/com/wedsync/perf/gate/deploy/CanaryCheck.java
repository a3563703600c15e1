package com.wedsync.perf.gate.deploy;

import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.model.stats.ArmComparison;
import com.wedsync.perf.model.stats.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A new release against the old one <em>running at the same time</em>: per route and metric, only the minutes in which
 * both releases served real users count, so a slowdown of the hour (a wedding-day evening, a CDN hiccup) hits both
 * arms alike and is not blamed on the release. The old release is the one, other than the new, that served most of
 * the tenant's views in the window. Cells are judged by {@link ArmComparison} (p75, Holm across the cells); a cell
 * worse by more than the tolerance recommends a rollback.
 */
public final class CanaryCheck {

    /** The verdict's evidence: the findings, and the release the new one was compared with. */
    public record Outcome(String baseline, List<PostDeployCheck.Finding> findings) {
    }

    private CanaryCheck() {
    }

    /** Empty when no route and metric had enough views of both releases side by side: judge before/after instead. */
    public static Optional<Outcome> compare(String tenant, String release, List<ReleaseMinutes.Minute> minutes,
                                            ArmComparison.Settings settings) {
        Optional<String> baseline = baseline(release, minutes);
        if (baseline.isEmpty()) {
            return Optional.empty();
        }
        List<ArmComparison.Cell<String>> cells = cells(release, baseline.get(), minutes);
        List<ArmComparison.Result<String>> results = ArmComparison.compare(cells, settings);
        if (results.stream().allMatch(r -> r.verdict() == Verdict.NOT_ENOUGH_DATA)) {
            return Optional.empty();
        }
        List<PostDeployCheck.Finding> findings = new ArrayList<>();
        for (ArmComparison.Result<String> r : results) {
            if (r.verdict() != Verdict.NOT_ENOUGH_DATA) {
                findings.add(finding(tenant, release, baseline.get(), r));
            }
        }
        return Optional.of(new Outcome(baseline.get(), findings));
    }

    private static Optional<String> baseline(String release, List<ReleaseMinutes.Minute> minutes) {
        Map<String, Long> views = new HashMap<>();
        for (ReleaseMinutes.Minute m : minutes) {
            if (!m.release().equals(release)) {
                views.merge(m.release(), m.samples(), Long::sum);
            }
        }
        return views.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    /** Per route and metric (devices pooled), the minutes both releases had there, merged into one sketch each. */
    private static List<ArmComparison.Cell<String>> cells(String release, String baseline, List<ReleaseMinutes.Minute> minutes) {
        Map<String, Set<Instant>> minutesOfNew = new HashMap<>();
        Map<String, Set<Instant>> minutesOfOld = new HashMap<>();
        for (ReleaseMinutes.Minute m : minutes) {
            String cell = m.route() + ' ' + m.metric();
            if (m.release().equals(release)) {
                minutesOfNew.computeIfAbsent(cell, c -> new HashSet<>()).add(m.windowStart());
            } else if (m.release().equals(baseline)) {
                minutesOfOld.computeIfAbsent(cell, c -> new HashSet<>()).add(m.windowStart());
            }
        }
        Map<String, QuantileSketch[]> sketches = new TreeMap<>();
        for (ReleaseMinutes.Minute m : minutes) {
            String cell = m.route() + ' ' + m.metric();
            boolean isNew = m.release().equals(release);
            if (!isNew && !m.release().equals(baseline)) {
                continue;
            }
            Set<Instant> other = (isNew ? minutesOfOld : minutesOfNew).getOrDefault(cell, Set.of());
            if (other.contains(m.windowStart())) {
                QuantileSketch[] pair = sketches.computeIfAbsent(cell, c -> new QuantileSketch[2]);
                QuantileSketch part = SketchCodec.decode(m.sketch());
                int side = isNew ? 1 : 0;
                if (pair[side] == null) {
                    pair[side] = new QuantileSketch(part.relativeAccuracy());
                }
                pair[side].merge(part);
            }
        }
        List<ArmComparison.Cell<String>> cells = new ArrayList<>();
        sketches.forEach((cell, pair) -> cells.add(new ArmComparison.Cell<>(cell,
                pair[0] == null ? new QuantileSketch() : pair[0], pair[1] == null ? new QuantileSketch() : pair[1])));
        return cells;
    }

    private static PostDeployCheck.Finding finding(String tenant, String release, String baseline,
                                                   ArmComparison.Result<String> r) {
        String route = r.key().substring(0, r.key().lastIndexOf(' '));
        String metric = r.key().substring(r.key().lastIndexOf(' ') + 1);
        boolean rollback = r.verdict() == Verdict.WORSE;
        String summary = String.format(Locale.ROOT, "%s p75 on %s for %s: %s %.4g vs %s %.4g alongside (%+.1f%%, "
                        + "p = %.4f after Holm, %d vs %d views)", metric, route, tenant, release, r.b().value(), baseline,
                r.a().value(), r.relative() * 100, r.adjustedP(), r.b().count(), r.a().count());
        return new PostDeployCheck.Finding(tenant, metric, 0, 0, r.a().value(), r.b().value(), r.relative(),
                r.adjustedP(), rollback, summary, PostDeployCheck.CONCURRENT, route, baseline, r.a().count(), r.b().count());
    }
}
