package com.wedsync.perf.aggregation.topology;

import com.wedsync.perf.aggregation.window.Sample;
import com.wedsync.perf.model.event.DeadLetter;

/** What one input record turned out to be: a sample to count, or a dead letter saying why it cannot be. */
record Readout(Sample sample, DeadLetter deadLetter) {

    static Readout of(Sample sample) {
        return new Readout(sample, null);
    }

    static Readout dead(DeadLetter letter) {
        return new Readout(null, letter);
    }

    boolean isSample() {
        return sample != null;
    }
}
