package com.wedsync.perf.alerting.lifecycle;

import com.wedsync.perf.service.outbox.EventOutbox;
import com.wedsync.perf.service.retention.RetentionRule;
import com.wedsync.perf.service.retention.RetentionRules;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Alerting's retention (docs/operations.md "Retention"): resolved alerts with their history, finished deliveries and expired
 * silences older than {@code perf.retention.keep} (90 days) are deleted every hour by one instance ({@link com.wedsync.perf.service.retention.Retention}); firing and
 * acknowledged alerts and pending deliveries are kept however old; the audit log 400 days.
 */
@Singleton
public class AlertRetention implements RetentionRules {

    static final List<RetentionRule> RULES = List.of(
            new RetentionRule("alert history", "DELETE FROM alert_history h USING performance_alerts a "
                    + "WHERE h.alert_id = a.id AND a.state = 'RESOLVED' AND a.updated_at < ?"),
            new RetentionRule("resolved alerts", "DELETE FROM performance_alerts WHERE state = 'RESOLVED' AND updated_at < ?"),
            new RetentionRule("deliveries", "DELETE FROM outbox WHERE state <> 'PENDING' AND created_at < ?"),
            new RetentionRule("silences", "DELETE FROM silences WHERE until < ?"),
            EventOutbox.PUBLISHED,
            new RetentionRule("audit log", "DELETE FROM audit_log WHERE at < ?", RetentionRule.AUDIT_KEEP));
    private static final long LOCK = 0x7065726652657401L;

    @Override
    public List<RetentionRule> rules() {
        return RULES;
    }

    @Override
    public long lockKey() {
        return LOCK;
    }
}
