package com.wedsync.perf.model.event;

/** Key of {@code perf.rum.v1}: a tenant's page route, so one route's metrics share a partition. */
public record RouteKey(String tenant, String route) {

    public RouteKey {
        Require.text(tenant, "tenant");
        Require.text(route, "route");
    }
}
