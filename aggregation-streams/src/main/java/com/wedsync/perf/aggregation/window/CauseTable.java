package com.wedsync.perf.aggregation.window;

import com.wedsync.perf.model.event.Diagnosis;
import com.wedsync.perf.model.sketch.BinaryReader;
import com.wedsync.perf.model.sketch.BinaryWriter;
import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Cause and sub-part sketches give a p75 and a median to 5 %, not the trend's 1 %: they are many, and written often. */
    static final double ACCURACY = 0.05;

    private long samples;
    private long poor;
    private final Map<String, Entry> entries = new HashMap<>();
    /** The metric's sub-parts, by slot; {@code parts} and every entry's {@code partSums} follow it. */
    private String[] partNames = new String[0];
    private QuantileSketch[] parts = new QuantileSketch[0];

    /** Counts one sample: {@code heavy} when it was poor, or when its metric has no thresholds. */
    public void add(Diagnostic diagnostic, double value, boolean isPoor, boolean heavy) {
        samples++;
        if (isPoor) {
            poor++;
        }
        double[] values = slotsOf(diagnostic.partNames(), diagnostic.parts());
        for (int slot = 0; slot < values.length; slot++) {
            if (!Double.isNaN(values[slot])) {
                part(slot).add(values[slot]);
            }
        }
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
                entry = new Entry(diagnostic.cause(), partNames.length);
                entry.weight = lightest.weight;
                entry.overcount = lightest.weight;
            } else {
                entry = new Entry(diagnostic.cause(), partNames.length);
            }
            entries.put(entry.cause, entry);
        }
        entry.count(diagnostic.detail(), values, value, isPoor, heavy);
    }

    /** The sample's sub-parts in this table's slots: the same array when the names are the table's (always, but for merges of old state). */
    private double[] slotsOf(String[] names, double[] values) {
        if (partNames.length == 0 && names.length > 0) {
            partNames = names;
            parts = new QuantileSketch[names.length];
        }
        if (names == partNames || Arrays.equals(names, partNames)) {
            return values;
        }
        double[] mapped = new double[partNames.length];
        Arrays.fill(mapped, Double.NaN);
        for (int i = 0; i < names.length; i++) {
            int slot = Arrays.asList(partNames).indexOf(names[i]);
            if (slot >= 0) {
                mapped[slot] = values[i];
            }
        }
        return mapped;
    }

    private QuantileSketch part(int slot) {
        if (parts[slot] == null) {
            parts[slot] = new QuantileSketch(ACCURACY);
        }
        return parts[slot];
    }

    public CauseTable merge(CauseTable other) {
        samples += other.samples;
        poor += other.poor;
        for (int i = 0; i < other.partNames.length; i++) {
            if (other.parts[i] != null) {
                double[] marker = slotsOf(other.partNames, unit(other.partNames.length, i));
                for (int slot = 0; slot < marker.length; slot++) {
                    if (!Double.isNaN(marker[slot])) {
                        part(slot).merge(other.parts[i]);
                    }
                }
            }
        }
        other.entries.forEach((cause, theirs) -> {
            Entry ours = entries.get(cause);
            double[] sums = slotsOf(other.partNames, theirs.partSums);
            if (ours == null) {
                entries.put(cause, theirs.copy(sums));
            } else {
                ours.merge(theirs, sums);
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
        for (int slot = 0; slot < partNames.length; slot++) {
            if (parts[slot] != null) {
                encodedParts.put(partNames[slot], SketchCodec.encode(parts[slot]));
            }
        }
        return new Diagnosis(CAPACITY, samples, poor,
                heaviestFirst().stream().map(entry -> entry.toCause(partNames)).toList(), encodedParts);
    }

    private static double[] unit(int length, int index) {
        double[] marker = new double[length];
        Arrays.fill(marker, Double.NaN);
        marker[index] = 1;
        return marker;
    }

    public static CauseTable of(Diagnosis diagnosis) {
        CauseTable table = new CauseTable();
        table.samples = diagnosis.samples();
        table.poor = diagnosis.poor();
        java.util.SortedSet<String> names = new java.util.TreeSet<>(diagnosis.parts().keySet());
        diagnosis.causes().forEach(cause -> names.addAll(cause.partSums().keySet()));
        table.partNames = names.toArray(String[]::new);
        table.parts = new QuantileSketch[table.partNames.length];
        for (int slot = 0; slot < table.partNames.length; slot++) {
            String sketch = diagnosis.parts().get(table.partNames[slot]);
            table.parts[slot] = sketch == null ? null : SketchCodec.decode(sketch);
        }
        for (Diagnosis.Cause cause : diagnosis.causes()) {
            Entry entry = new Entry(cause.cause(), 0);
            entry.detail = cause.detail();
            entry.detailVotes = cause.detailVotes();
            entry.weight = cause.weight();
            entry.overcount = cause.overcount();
            entry.count = cause.count();
            entry.poor = cause.poor();
            entry.partSums = new double[table.partNames.length];
            for (int slot = 0; slot < table.partNames.length; slot++) {
                entry.partSums[slot] = cause.partSums().getOrDefault(table.partNames[slot], 0.0);
            }
            entry.sketch = SketchCodec.decode(cause.sketch());
            table.entries.put(entry.cause, entry);
        }
        return table;
    }

    void write(BinaryWriter out) {
        out.varLong(samples).varLong(poor).varLong(partNames.length);
        for (int slot = 0; slot < partNames.length; slot++) {
            out.string(partNames[slot]).varLong(parts[slot] == null ? 0 : 1);
            if (parts[slot] != null) {
                SketchCodec.write(parts[slot], out);
            }
        }
        out.varLong(entries.size());
        for (Entry entry : entries.values()) {
            out.string(entry.cause).string(entry.detail == null ? "" : entry.detail).varLong(entry.detailVotes)
                    .varLong(entry.weight).varLong(entry.overcount).varLong(entry.count).varLong(entry.poor);
            for (double sum : entry.partSums) {
                out.doubleValue(sum);
            }
            SketchCodec.write(entry.sketch, out);
        }
    }

    static CauseTable read(BinaryReader in) {
        CauseTable table = new CauseTable();
        table.samples = in.varLong();
        table.poor = in.varLong();
        int slots = Math.toIntExact(in.varLong());
        table.partNames = new String[slots];
        table.parts = new QuantileSketch[slots];
        for (int slot = 0; slot < slots; slot++) {
            table.partNames[slot] = in.string();
            table.parts[slot] = in.varLong() == 0 ? null : SketchCodec.read(in);
        }
        for (long e = in.varLong(); e > 0; e--) {
            Entry entry = new Entry(in.string(), 0);
            String detail = in.string();
            entry.detail = detail.isEmpty() ? null : detail;
            entry.detailVotes = in.varLong();
            entry.weight = in.varLong();
            entry.overcount = in.varLong();
            entry.count = in.varLong();
            entry.poor = in.varLong();
            entry.partSums = new double[slots];
            for (int slot = 0; slot < slots; slot++) {
                entry.partSums[slot] = in.doubleValue();
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
        double[] partSums;
        QuantileSketch sketch = new QuantileSketch(ACCURACY);

        Entry(String cause, int slots) {
            this.cause = cause;
            this.partSums = new double[slots];
        }

        void count(String sampleDetail, double[] parts, double value, boolean isPoor, boolean heavy) {
            count++;
            if (isPoor) {
                poor++;
            }
            if (heavy) {
                weight++;
            }
            sketch.add(value);
            grow(parts.length);
            for (int slot = 0; slot < parts.length; slot++) {
                if (!Double.isNaN(parts[slot])) {
                    partSums[slot] += parts[slot];
                }
            }
            vote(sampleDetail, 1);
        }

        private void grow(int slots) {
            if (partSums.length < slots) {
                partSums = Arrays.copyOf(partSums, slots);
            }
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

        /** Adds {@code other}, whose sub-part sums are {@code sums} in this table's slots. */
        void merge(Entry other, double[] sums) {
            weight += other.weight;
            overcount += other.overcount;
            count += other.count;
            poor += other.poor;
            sketch.merge(other.sketch);
            grow(sums.length);
            for (int slot = 0; slot < sums.length; slot++) {
                if (!Double.isNaN(sums[slot])) {
                    partSums[slot] += sums[slot];
                }
            }
            vote(other.detail, other.detailVotes);
        }

        Entry copy(double[] sums) {
            Entry copy = new Entry(cause, sums.length);
            copy.merge(this, sums);
            copy.detail = detail;
            copy.detailVotes = detailVotes;
            return copy;
        }

        Diagnosis.Cause toCause(String[] names) {
            Map<String, Double> sums = new TreeMap<>();
            for (int slot = 0; slot < Math.min(names.length, partSums.length); slot++) {
                if (partSums[slot] > 0) {
                    sums.put(names[slot], partSums[slot]);
                }
            }
            return new Diagnosis.Cause(cause, detail, detailVotes, weight, overcount, count, poor, sums,
                    SketchCodec.encode(sketch));
        }
    }
}
