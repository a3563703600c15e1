package com.wedsync.perf.aggregation.query;

import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.model.stats.ArmComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two arms' windows turned into comparable cells, one per route and device: in each cell only the windows of one arm
 * that overlap a window of the other count, so an arm that ran in the morning is never compared with one that ran in
 * the evening (the release with the clock).
 */
final class ArmCompare {

    /** A route and device of the comparison, with the minutes in which both arms had traffic there. */
    record Cell(String route, String device, long overlapMinutes) {
    }

    private ArmCompare() {
    }

    static List<ArmComparison.Cell<Cell>> cells(List<ArmWindow> windows, String a, String b, String route, String device) {
        Map<String, List<ArmWindow>> byCell = new TreeMap<>();
        for (ArmWindow window : windows) {
            if ((route == null || route.equals(window.route())) && (device == null || device.equals(window.device()))) {
                byCell.computeIfAbsent(window.route() + ' ' + window.device(), k -> new ArrayList<>()).add(window);
            }
        }
        List<ArmComparison.Cell<Cell>> cells = new ArrayList<>();
        for (List<ArmWindow> cell : byCell.values()) {
            List<ArmWindow> ofA = cell.stream().filter(w -> w.arm().equals(a)).toList();
            List<ArmWindow> ofB = cell.stream().filter(w -> w.arm().equals(b)).toList();
            List<ArmWindow> sharedA = ofA.stream().filter(w -> ofB.stream().anyMatch(w::overlaps)).toList();
            List<ArmWindow> sharedB = ofB.stream().filter(w -> ofA.stream().anyMatch(w::overlaps)).toList();
            long overlap = sharedA.stream().mapToLong(w -> overlapMinutes(w, sharedB)).sum();
            ArmWindow first = cell.get(0);
            cells.add(new ArmComparison.Cell<>(new Cell(first.route(), first.device(), overlap), merged(sharedA),
                    merged(sharedB)));
        }
        return cells;
    }

    private static long overlapMinutes(ArmWindow window, List<ArmWindow> others) {
        long millis = 0;
        for (ArmWindow other : others) {
            long start = Math.max(window.windowStart().toEpochMilli(), other.windowStart().toEpochMilli());
            long end = Math.min(window.windowEnd().toEpochMilli(), other.windowEnd().toEpochMilli());
            millis += Math.max(0, end - start);
        }
        return millis / 60_000;
    }

    private static QuantileSketch merged(List<ArmWindow> windows) {
        QuantileSketch sketch = new QuantileSketch();
        for (ArmWindow window : windows) {
            QuantileSketch part = SketchCodec.decode(window.sketch());
            if (sketch.count() == 0 && part.relativeAccuracy() != sketch.relativeAccuracy()) {
                sketch = new QuantileSketch(part.relativeAccuracy());
            }
            sketch.merge(part);
        }
        return sketch;
    }
}
