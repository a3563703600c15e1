package com.wedsync.perf.gate.api;

import java.util.List;

/** Body of PUT /v1/projects/{id}/inbound-hook: the tenants a deployment reported through the hook watches by default. */
public record InboundHookRequest(List<String> tenants) {
}
