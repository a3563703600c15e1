package com.wedsync.perf.ingest.rum;

import com.wedsync.perf.ingest.api.Rejection;

import com.wedsync.perf.model.event.RumMetric;
import java.util.List;

/** What a beacon holds: the metrics to publish and the items refused, with why. */
record ParsedBeacon(List<RumMetric> metrics, List<Rejection> rejections) {
}
