package com.wedsync.perf.gate.retention;

import com.wedsync.perf.service.outbox.EventOutbox;
import com.wedsync.perf.service.retention.RetentionRule;
import com.wedsync.perf.service.retention.RetentionRules;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The gate's retention (docs/operations.md "Retention"): real-user minutes, published events, finished jobs, decided deployments,
 * inbound deliveries, audit entries and validations older than {@code perf.retention.keep} (90 days) are deleted
 * every hour by one instance ({@link com.wedsync.perf.service.retention.Retention}). A pinned baseline's validation,
 * and the newest validation of every project, branch and environment (the baseline a next build is compared with),
 * are kept however old.
 */
@Singleton
public class GateRetention implements RetentionRules {

    static final List<RetentionRule> RULES = List.of(
            new RetentionRule("trend minutes", "DELETE FROM trend_minutes WHERE window_start < ?"),
            EventOutbox.PUBLISHED,
            new RetentionRule("validation jobs", "DELETE FROM validation_jobs WHERE finished_at IS NOT NULL AND created_at < ?"),
            new RetentionRule("deployments", "DELETE FROM deployments WHERE decided_at IS NOT NULL AND at < ?"),
            new RetentionRule("inbound deliveries", "DELETE FROM inbound_deliveries WHERE received_at < ?"),
            new RetentionRule("audit log", "DELETE FROM audit_log WHERE at < ?", RetentionRule.AUDIT_KEEP),
            new RetentionRule("validations", "DELETE FROM validations v WHERE v.created_at < ? "
                    + "AND v.id NOT IN (SELECT validation_id FROM pinned_baselines) "
                    + "AND EXISTS (SELECT 1 FROM validations newer WHERE newer.project = v.project "
                    + "AND newer.branch = v.branch AND newer.environment = v.environment AND newer.created_at > v.created_at)"));
    private static final long LOCK = 0x7065726652657402L;

    @Override
    public List<RetentionRule> rules() {
        return RULES;
    }

    @Override
    public long lockKey() {
        return LOCK;
    }
}
