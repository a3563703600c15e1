package com.wedsync.perf.model.event;

import java.time.Instant;
import java.util.List;

/**
 * What the latest Lighthouse run of a route's base-branch build says could be faster, for one tenant whose real users
 * see that route; keyed by {@link #key} (tenant and route) on the compacted {@code perf.lighthouse.v1}, so the newest build's
 * findings replace the last ones. The gate publishes it; page advice weighs it by the route's real traffic.
 *
 * @param route the route pattern of the tested URL (never its query or an id)
 * @param findings the failing opportunity and diagnostic audits with a saving, the largest first
 */
public record LabFindings(
        String tenant,
        String route,
        String project,
        String buildId,
        String gitSha,
        String lighthouseVersion,
        Instant measuredAt,
        List<LabFinding> findings) {

    /** Enough for every audit Lighthouse has that saves anything; a longer list is cut, the smallest savings first. */
    public static final int MAX_FINDINGS = 30;

    /** The topic key: one record per tenant and route, so compaction keeps the newest. */
    public static String key(String tenant, String route) {
        return tenant + " " + route;
    }

    public LabFindings {
        Require.text(tenant, "tenant");
        Require.text(route, "route");
        Require.text(project, "project");
        Require.text(buildId, "buildId");
        Require.present(measuredAt, "measuredAt");
        findings = Require.listOrEmpty(findings);
        if (findings.size() > MAX_FINDINGS) {
            throw new IllegalArgumentException("at most " + MAX_FINDINGS + " findings per route");
        }
    }
}
