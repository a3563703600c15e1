package com.wedsync.perf.alerting.api;

import com.wedsync.perf.alerting.delivery.DeliveryView;
import com.wedsync.perf.alerting.lifecycle.AlertView;
import com.wedsync.perf.alerting.lifecycle.HistoryEntry;
import java.util.List;

/** GET /v1/alerts/{id}: the alert, every change of its state and every notification of it, oldest first. */
public record AlertDetail(AlertView alert, List<HistoryEntry> history, List<DeliveryView> deliveries) {
}
