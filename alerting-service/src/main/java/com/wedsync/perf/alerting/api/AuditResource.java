package com.wedsync.perf.alerting.api;

import com.wedsync.perf.alerting.audit.AuditTrail;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.ReadAccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log: ops reads every tenant's, a tenant's token only its own. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail audit;
    private final ReadAccess access;

    public AuditResource(AuditTrail audit, ReadAccess access) {
        this.audit = audit;
        this.access = access;
    }

    @GET
    @Operation(summary = "Changes to rules, notification targets, silences and alerts, newest first; filter by tenant, "
            + "action and since (ISO-8601)")
    public List<AuditTrail.Entry> list(@QueryParam("tenant") String tenant, @QueryParam("action") String action,
                                       @QueryParam("since") String since, @QueryParam("limit") Integer limit,
                                       @HeaderParam("Authorization") String authorization) {
        Optional<String> scope = access.scope(authorization);
        if (scope.isPresent() && tenant != null && !tenant.equals(scope.get())) {
            throw ApiException.notFound("no data for tenant '" + tenant + "'");
        }
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 1000) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and 1000");
        }
        Instant from;
        try {
            from = since == null ? null : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_since", "since must be an ISO-8601 instant, e.g. 2026-06-13T00:00:00Z");
        }
        return audit.find(scope.orElse(tenant), action, from, max);
    }
}
