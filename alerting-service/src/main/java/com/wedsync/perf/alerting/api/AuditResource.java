package com.wedsync.perf.alerting.api;

import com.wedsync.perf.alerting.audit.AuditTrail;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.api.ListQuery;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log: ops reads every tenant's, a tenant's admin token only its own. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail audit;
    private final CurrentCaller caller;

    public AuditResource(AuditTrail audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Access({Grant.OPS, Grant.TENANT_ADMIN})
    @Operation(summary = "Changes to rules, notification targets, silences and alerts, and ingest's to tenants and "
            + "tokens (service=ingest-service), newest first; filter by tenant, service, action and since (ISO-8601)")
    public List<AuditTrail.Entry> list(@QueryParam("tenant") String tenant, @QueryParam("service") String service,
                                       @QueryParam("action") String action,
                                       @QueryParam("since") String since, @QueryParam("limit") Integer limit) {
        Optional<String> scope = caller.get().tenantScope();
        if (scope.isPresent() && tenant != null && !tenant.equals(scope.get())) {
            throw ApiException.notFound("no data for tenant '" + tenant + "'");
        }
        return audit.find(scope.orElse(tenant), service, action, ListQuery.since(since), ListQuery.limit(limit));
    }
}
