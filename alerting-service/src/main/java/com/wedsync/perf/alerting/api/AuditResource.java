package com.wedsync.perf.alerting.api;

import com.wedsync.perf.alerting.audit.AuditTrail;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.api.ListQuery;
import com.wedsync.perf.service.auth.ReadAccess;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
        return audit.find(scope.orElse(tenant), action, ListQuery.since(since), ListQuery.limit(limit));
    }
}
