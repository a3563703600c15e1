package com.wedsync.perf.gate.lighthouse;

import com.wedsync.perf.model.event.LabFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the gate reads from one Lighthouse result (LHR): the page and the form factor it was tested as, the category
 * scores (0–100), the audits' numeric values (milliseconds, bytes, or the unitless layout shift) and the failing
 * audits with a saving.
 *
 * @param formFactor {@code mobile} or {@code desktop}, from {@code configSettings.formFactor} (Lighthouse's default,
 *                   mobile, when the report does not say); runs of one URL are judged per form factor
 * @param resourceBytes transfer size per resource type from {@code audits['resource-summary']}, e.g. "script"
 * @param findings the opportunities and diagnostics that did not pass, with their savings ({@link LabFindingsReader})
 */
public record LighthouseRun(String url, String formFactor, String lighthouseVersion, Map<String, Double> scores,
                            Map<String, Double> audits, Map<String, Double> resourceBytes, List<LabFinding> findings) {

    public static final String MOBILE = "mobile";
    public static final String DESKTOP = "desktop";

    public LighthouseRun {
        // Runs stored before form factors were read have none: Lighthouse tested them as its default, mobile.
        formFactor = formFactor == null ? MOBILE : formFactor;
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** What a verdict is about: the URL as tested with one form factor, e.g. {@code https://…/gallery (desktop)}. */
    public String page() {
        return page(url, formFactor);
    }

    public static String page(String url, String formFactor) {
        return url + " (" + formFactor + ")";
    }

    /** The run whose performance score is the median of these runs (the lower middle one of an even count). */
    public static LighthouseRun representative(List<LighthouseRun> runs) {
        List<LighthouseRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(run -> run.score("performance").orElse(0.0)));
        return sorted.get((sorted.size() - 1) / 2);
    }

    public Optional<Double> score(String category) {
        return Optional.ofNullable(scores.get(category));
    }

    public Optional<Double> audit(String id) {
        return Optional.ofNullable(audits.get(id));
    }
}
