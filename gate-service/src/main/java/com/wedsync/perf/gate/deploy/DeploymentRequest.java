package com.wedsync.perf.gate.deploy;

import java.time.Instant;
import java.util.List;

/**
 * Body of POST /v1/deployments: what went out where, and which tenants' real users to watch.
 *
 * @param at when it went live; now when left out
 */
public record DeploymentRequest(String project, String environment, String version, String gitSha, String buildId,
                                List<String> tenants, Instant at) {
}
