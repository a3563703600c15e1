package com.wedsync.perf.demo;

import java.util.List;

/**
 * A demo tenant and how its users behave: page views and back-end requests per second, and its slow page (a route
 * whose LCP is well over the critical threshold on mobile), if any.
 */
record DemoTenantSpec(String id, String name, String tier, String ingestKey, String serverKey, String readToken,
                      int pageViewsPerSecond, int requestsPerSecond, String slowRoute) {

    static final List<String> ROUTES = List.of("/dashboard", "/weddings/2041/guests", "/weddings/2041/timeline",
            "/clients/8231/forms", "/weddings/2041/photos");
    static final List<String> OPERATIONS = List.of("api_request", "guest_list_access", "photo_upload", "timeline_sync",
            "vendor_notification");
}
