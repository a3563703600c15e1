package com.wedsync.perf.aggregation.window;

import com.wedsync.perf.model.sketch.QuantileSketch;
import com.wedsync.perf.model.sketch.SketchCodec;
import com.wedsync.perf.model.event.Resolution;
import com.wedsync.perf.model.event.TrendPoint;
import com.wedsync.perf.model.vitals.Rating;
import java.time.Instant;

/**
 * Everything one window of one series knows: the sketch of its values, rating counts and errors, the coarsest
 * resolution of the values that went in (a histogram bucket's representative is only as exact as the bucket is
 * narrow), and — for a page's series whose samples had attribution — the table of their causes.
 */
public final class SeriesAggregate {

    final QuantileSketch sketch;
    long good;
    long needsImprovement;
    long poor;
    long errors;
    double inputError;
    CauseTable causes;

    public SeriesAggregate(double relativeAccuracy) {
        this(new QuantileSketch(relativeAccuracy));
    }

    SeriesAggregate(QuantileSketch sketch) {
        this.sketch = sketch;
    }

    public SeriesAggregate add(double value, Rating rating, boolean error) {
        return add(value, rating, error, 1);
    }

    /** Adds a value standing for {@code times} requests (a sampled span's adjusted count). */
    public SeriesAggregate add(double value, Rating rating, boolean error, long times) {
        sketch.add(value, times);
        count(rating, times);
        if (error) {
            errors += times;
        }
        return this;
    }

    /**
     * Widens the stated error to cover a value that was itself known only within {@code relativeError} (0 for a
     * measured value).
     */
    public SeriesAggregate bound(double relativeError) {
        inputError = Math.max(inputError, relativeError);
        return this;
    }

    /**
     * The bound on every percentile's relative error: the sketch's, compounded with the coarsest input's
     * ((1 + a)(1 + b) − 1), and at most 1 — where an input has no bound (an open-ended top bucket) 1 says so.
     */
    public double relativeAccuracy() {
        double sketchError = sketch.relativeAccuracy();
        return inputError == 0 ? sketchError : Math.min(1, (1 + sketchError) * (1 + inputError) - 1);
    }

    /**
     * Counts what the sample was attributed to. A web-vitals id reported again (CLS, INP) is counted again here: a
     * report's attribution is not remembered to take it back, so the table counts reports, the trend values.
     */
    public SeriesAggregate diagnose(Diagnostic diagnostic, double value, Rating rating) {
        if (causes == null) {
            causes = new CauseTable();
        }
        causes.add(diagnostic, value, rating == Rating.POOR, rating == null || rating == Rating.POOR);
        return this;
    }

    public CauseTable causes() {
        return causes;
    }

    /** Takes back a value added before (never an error sample: only web-vitals ids are replaced). */
    public SeriesAggregate remove(double value, Rating rating) {
        sketch.remove(value);
        count(rating, -1);
        return this;
    }

    public SeriesAggregate merge(SeriesAggregate other) {
        sketch.merge(other.sketch);
        good += other.good;
        needsImprovement += other.needsImprovement;
        poor += other.poor;
        errors += other.errors;
        inputError = Math.max(inputError, other.inputError);
        if (other.causes != null) {
            causes = causes == null ? new CauseTable().merge(other.causes) : causes.merge(other.causes);
        }
        return this;
    }

    public long count() {
        return sketch.count();
    }

    public QuantileSketch sketch() {
        return sketch;
    }

    public long errors() {
        return errors;
    }

    public long good() {
        return good;
    }

    public long needsImprovement() {
        return needsImprovement;
    }

    public long poor() {
        return poor;
    }

    public TrendPoint toTrendPoint(SeriesKey series, Resolution resolution, Instant windowStart) {
        return new TrendPoint(series.tenant(), series.source(), series.route(), series.metric(), series.device(),
                resolution, windowStart, windowStart.plus(resolution.window()), count(),
                sketch.quantile(0.50), sketch.quantile(0.75), sketch.quantile(0.95), sketch.quantile(0.99),
                sketch.min(), sketch.max(), good, needsImprovement, poor, errors, SketchCodec.encode(sketch),
                relativeAccuracy(), causes == null ? null : causes.toDiagnosis(), series.arm());
    }

    /** Rebuilds the aggregate a TrendPoint was made from, so closed windows merge further. */
    public static SeriesAggregate of(TrendPoint point) {
        SeriesAggregate aggregate = new SeriesAggregate(SketchCodec.decode(point.sketch()));
        aggregate.good = point.good();
        aggregate.needsImprovement = point.needsImprovement();
        aggregate.poor = point.poor();
        aggregate.errors = point.errors();
        double sketchError = aggregate.sketch.relativeAccuracy();
        aggregate.inputError = point.relativeAccuracy() > sketchError
                ? (1 + point.relativeAccuracy()) / (1 + sketchError) - 1 : 0;
        aggregate.causes = point.diagnosis() == null ? null : CauseTable.of(point.diagnosis());
        return aggregate;
    }

    private void count(Rating rating, long delta) {
        if (rating == null) {
            return;
        }
        switch (rating) {
            case GOOD -> good += delta;
            case NEEDS_IMPROVEMENT -> needsImprovement += delta;
            case POOR -> poor += delta;
        }
    }
}
