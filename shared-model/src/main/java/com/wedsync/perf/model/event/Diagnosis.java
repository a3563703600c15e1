package com.wedsync.perf.model.event;

import java.util.List;
import java.util.Map;

/**
 * Why one window of one page's metric was what it was, in a form that merges: the causes that account for its poor
 * experiences (a bounded space-saving summary), and the distribution of each sub-part. Carried by the
 * {@link TrendPoint} of a page's series (route × device, route × all devices) when its samples had attribution.
 *
 * @param capacity how many causes the summary keeps; a cause beyond them is counted in {@code samples} only
 * @param samples samples that had attribution, likewise {@code poor} those of them rated poor
 * @param causes the causes kept, heaviest first
 * @param parts each sub-part's base64-encoded quantile sketch, by its web-vitals name
 */
public record Diagnosis(int capacity, long samples, long poor, List<Cause> causes, Map<String, String> parts) {

    public Diagnosis {
        causes = causes == null ? List.of() : List.copyOf(causes);
        parts = parts == null ? Map.of() : Map.copyOf(parts);
    }

    /**
     * One cause: a selector (INP, LCP, CLS), or a resource pattern (slow and large resources).
     *
     * @param detail what else the samples of this cause most often named: INP's longest script, LCP's resource, a
     *               resource's type; {@code detailVotes} its majority-vote weight
     * @param weight how heavy the cause is: its poor samples (its samples, for metrics without thresholds), counting
     *               {@code overcount} inherited from the cause it displaced when the summary was full
     * @param count samples of this cause since it was kept, {@code poor} those rated poor
     * @param partSums the sums of each sub-part over {@code count} samples
     * @param sketch the base64-encoded quantile sketch of the cause's values
     */
    public record Cause(String cause, String detail, long detailVotes, long weight, long overcount, long count, long poor,
                        Map<String, Double> partSums, String sketch) {

        public Cause {
            partSums = partSums == null ? Map.of() : Map.copyOf(partSums);
        }
    }
}
