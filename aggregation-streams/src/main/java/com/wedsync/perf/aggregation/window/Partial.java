package com.wedsync.perf.aggregation.window;

/**
 * What travels from the input partitions to the owners of the series: either one partition's closed minute of
 * one series (merged by the owner with the other partitions' parts), or that partition's watermark — every
 * minute ending before it minus the grace has been sent — broadcast to every owner, so an owner closes a minute
 * only once every input partition is past it, however far apart the partitions are.
 */
public record Partial(long windowStart, SeriesAggregate aggregate) {

    /** Key prefix of watermark records; the rest of the key is the input partition. Never a series key (no tenant is empty). */
    public static final String WATERMARK_KEY_PREFIX = SeriesKey.SEPARATOR + "watermark" + SeriesKey.SEPARATOR;

    public static Partial watermark(long mark) {
        return new Partial(mark, null);
    }

    public boolean isWatermark() {
        return aggregate == null;
    }
}
