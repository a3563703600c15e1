package com.wedsync.perf.aggregation.window;

import com.wedsync.perf.model.event.Diagnosis;
import com.wedsync.perf.model.sketch.BinaryReader;
import com.wedsync.perf.model.sketch.BinaryWriter;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The causes of one window of one page's metric: a space-saving summary (Metwally et al.) of at most
 * {@value #CAPACITY} causes weighted by the poor experiences they account for (every experience, for metrics without
 * thresholds), each with its count, its values' sketch, its sub-part sums and its most frequent detail (a majority
 * vote); and a sketch of every sub-part of the page. When the table is full a new heavy cause takes the place of the
 * lightest and inherits its weight as {@code overcount}; a cause's {@code poor} only counts what was seen while it
 * was kept, so the share it reports is a lower bound, off by at most its overcount. Bounded: {@value #CAPACITY}
 * causes and {@link com.wedsync.perf.model.event.Attribution#PARTS} sub-parts, whatever the page sends.
 */
public final class CauseTable {

    public static final int CAPACITY = 10;
    /** Cause and sub-part sketches need p75 and a median, not the trend's 1 %. */
    static final double ACCURACY = 0.02;

    private long samples;
    private long poor;
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, QuantileSketch> parts = new TreeMap<>();

    /** Counts one sample: {@code heavy} when it was poor, or when its metric has no thresholds. */
    public void add(Diagnostic diagnostic, double value, boolean isPoor, boolean heavy) {
        samples++;
        if (isPoor) {
            poor++;
        }
        diagnostic.parts().forEach((name, part) -> parts.computeIfAbsent(name, n -> new QuantileSketch(ACCURACY)).add(part));
        if (diagnostic.cause() == null) {
            return;
        }
        Entry entry = entries.get(diagnostic.cause());
        if (entry == null) {
            if (entries.size() >= CAPACITY) {
                if (!heavy) {
                    return;
                }
                Entry lightest = entries.values().stream().min(Comparator.comparingLong(e -> e.weight)).orElseThrow();
                entries.remove(lightest.cause);
                entry = new Entry(diagnostic.cause());
                entry.weight = lightest.weight;
                entry.overcount = lightest.weight;
            } else {
                entry = new Entry(diagnostic.cause());
            }
            entries.put(entry.cause, entry);
        }
        entry.count(diagnostic, value, isPoor, heavy);
    }

    public CauseTable merge(CauseTable other) {
        samples += other.samples;
        poor += other.poor;
        other.parts.forEach((name, sketch) -> parts.computeIfAbsent(name, n -> new QuantileSketch(ACCURACY)).merge(sketch));
        other.entries.forEach((cause, theirs) -> {
            Entry ours = entries.get(cause);
            if (ours == null) {
                entries.put(cause, theirs.copy());
            } else {
                ours.merge(theirs);
            }
        });
        if (entries.size() > CAPACITY) {
            List<Entry> heaviest = heaviestFirst();
            heaviest.subList(CAPACITY, heaviest.size()).forEach(dropped -> entries.remove(dropped.cause));
        }
        return this;
    }

    public Diagnosis toDiagnosis() {
        Map<String, String> encodedParts = new TreeMap<>();
        parts.forEach((name, sketch) -> encodedParts.put(name, SketchCodec.encode(sketch)));
        return new Diagnosis(CAPACITY, samples, poor, heaviestFirst().stream().map(Entry::toCause).toList(), encodedParts);
    }

    public static CauseTable of(Diagnosis diagnosis) {
        CauseTable table = new CauseTable();
        table.samples = diagnosis.samples();
        table.poor = diagnosis.poor();
        diagnosis.parts().forEach((name, sketch) -> table.parts.put(name, SketchCodec.decode(sketch)));
        for (Diagnosis.Cause cause : diagnosis.causes()) {
            Entry entry = new Entry(cause.cause());
            entry.detail = cause.detail();
            entry.detailVotes = cause.detailVotes();
            entry.weight = cause.weight();
            entry.overcount = cause.overcount();
            entry.count = cause.count();
            entry.poor = cause.poor();
            entry.partSums.putAll(cause.partSums());
            entry.sketch = SketchCodec.decode(cause.sketch());
            table.entries.put(entry.cause, entry);
        }
        return table;
    }

    void write(BinaryWriter out) {
        out.varLong(samples).varLong(poor).varLong(parts.size());
        parts.forEach((name, sketch) -> {
            out.string(name);
            SketchCodec.write(sketch, out);
        });
        out.varLong(entries.size());
        for (Entry entry : entries.values()) {
            out.string(entry.cause).string(entry.detail == null ? "" : entry.detail).varLong(entry.detailVotes)
                    .varLong(entry.weight).varLong(entry.overcount).varLong(entry.count).varLong(entry.poor)
                    .varLong(entry.partSums.size());
            entry.partSums.forEach((name, sum) -> out.string(name).doubleValue(sum));
            SketchCodec.write(entry.sketch, out);
        }
    }

    static CauseTable read(BinaryReader in) {
        CauseTable table = new CauseTable();
        table.samples = in.varLong();
        table.poor = in.varLong();
        for (long p = in.varLong(); p > 0; p--) {
            String name = in.string();
            table.parts.put(name, SketchCodec.read(in));
        }
        for (long e = in.varLong(); e > 0; e--) {
            Entry entry = new Entry(in.string());
            String detail = in.string();
            entry.detail = detail.isEmpty() ? null : detail;
            entry.detailVotes = in.varLong();
            entry.weight = in.varLong();
            entry.overcount = in.varLong();
            entry.count = in.varLong();
            entry.poor = in.varLong();
            for (long p = in.varLong(); p > 0; p--) {
                String name = in.string();
                entry.partSums.put(name, in.doubleValue());
            }
            entry.sketch = SketchCodec.read(in);
            table.entries.put(entry.cause, entry);
        }
        return table;
    }

    public long samples() {
        return samples;
    }

    private List<Entry> heaviestFirst() {
        List<Entry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparingLong((Entry e) -> e.weight).reversed()
                .thenComparing(Comparator.comparingLong((Entry e) -> e.count).reversed())
                .thenComparing(e -> e.cause));
        return sorted;
    }

    private static final class Entry {

        final String cause;
        String detail;
        long detailVotes;
        long weight;
        long overcount;
        long count;
        long poor;
        final Map<String, Double> partSums = new TreeMap<>();
        QuantileSketch sketch = new QuantileSketch(ACCURACY);

        Entry(String cause) {
            this.cause = cause;
        }

        void count(Diagnostic diagnostic, double value, boolean isPoor, boolean heavy) {
            count++;
            if (isPoor) {
                poor++;
            }
            if (heavy) {
                weight++;
            }
            sketch.add(value);
            diagnostic.parts().forEach((name, part) -> partSums.merge(name, part, Double::sum));
            vote(diagnostic.detail(), 1);
        }

        /** Boyer–Moore majority vote: the detail most samples named survives any order of samples and merges. */
        void vote(String candidate, long votes) {
            if (candidate == null) {
                return;
            }
            if (candidate.equals(detail)) {
                detailVotes += votes;
            } else if (detailVotes < votes) {
                detail = candidate;
                detailVotes = votes - detailVotes;
            } else {
                detailVotes -= votes;
            }
        }

        void merge(Entry other) {
            weight += other.weight;
            overcount += other.overcount;
            count += other.count;
            poor += other.poor;
            sketch.merge(other.sketch);
            other.partSums.forEach((name, sum) -> partSums.merge(name, sum, Double::sum));
            vote(other.detail, other.detailVotes);
        }

        Entry copy() {
            Entry copy = new Entry(cause);
            copy.merge(this);
            copy.detail = detail;
            copy.detailVotes = detailVotes;
            return copy;
        }

        Diagnosis.Cause toCause() {
            return new Diagnosis.Cause(cause, detail, detailVotes, weight, overcount, count, poor, partSums,
                    SketchCodec.encode(sketch));
        }
    }
}
