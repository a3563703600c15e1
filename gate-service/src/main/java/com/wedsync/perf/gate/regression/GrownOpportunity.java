package com.wedsync.perf.gate.regression;

/**
 * A Lighthouse opportunity or diagnostic whose saving grew against the baseline on one page: what this build added to
 * what could be saved, e.g. {@code modern-image-formats: +300 KB}.
 *
 * @param page the URL as tested, e.g. {@code https://…/gallery (mobile)}
 * @param bytesMore transfer bytes the audit could save now beyond what it could in the baseline
 * @param metric the metric whose saving grew most, or null when only bytes grew
 * @param millisMore how much more that metric could save now (ms; unitless for CLS)
 */
public record GrownOpportunity(String page, String audit, String title, double bytesMore, String metric,
                               double millisMore) {

    public String describe() {
        StringBuilder text = new StringBuilder(audit).append(':');
        if (bytesMore > 0) {
            text.append(String.format(java.util.Locale.ROOT, " +%.0f KB", bytesMore / 1000));
        }
        if (metric != null) {
            text.append(bytesMore > 0 ? "," : "").append(' ').append(metric).append(metric.equals("CLS")
                    ? String.format(java.util.Locale.ROOT, " +%.3f", millisMore)
                    : String.format(java.util.Locale.ROOT, " +%.0f ms", millisMore));
        }
        return text.append(" on ").append(page).toString();
    }
}
