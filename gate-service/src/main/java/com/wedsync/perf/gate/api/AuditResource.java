package com.wedsync.perf.gate.api;

import com.wedsync.perf.gate.project.AuditLog;
import com.wedsync.perf.gate.project.Caller;
import com.wedsync.perf.gate.project.Projects;
import com.wedsync.perf.gate.project.Role;
import com.wedsync.perf.service.api.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The gate's audit log: ops reads every project's, a project's admin token its own project's. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog audit;
    private final Projects projects;

    public AuditResource(AuditLog audit, Projects projects) {
        this.audit = audit;
        this.projects = projects;
    }

    @GET
    @Operation(summary = "Decisions, overrides, budgets, baselines, webhooks, hooks, tokens and tenant bindings, newest "
            + "first; filter by project, action and since (ISO-8601)")
    public List<AuditLog.Entry> list(@QueryParam("project") String project, @QueryParam("action") String action,
                                     @QueryParam("since") String since, @QueryParam("limit") Integer limit,
                                     @HeaderParam("Authorization") String authorization) {
        Caller caller = projects.require(authorization, project, Role.ADMIN);
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
        return audit.find(caller.project() != null ? caller.project() : project, action, from, max);
    }
}
