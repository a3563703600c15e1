package com.wedsync.perf.gate.api;

import com.wedsync.perf.gate.project.AuditLog;
import com.wedsync.perf.gate.project.ProjectCaller;
import com.wedsync.perf.gate.project.Projects;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The gate's audit log: ops reads every project's, a project's admin token its own project's. */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog audit;
    private final Projects projects;
    private final CurrentCaller current;

    public AuditResource(AuditLog audit, Projects projects, CurrentCaller current) {
        this.audit = audit;
        this.projects = projects;
        this.current = current;
    }

    @GET
    @Access({Grant.OPS, Grant.PROJECT_ADMIN})
    @Operation(summary = "Decisions, overrides, budgets, baselines, webhooks, hooks, tokens and tenant bindings, newest "
            + "first; filter by project, action and since (ISO-8601)")
    public List<AuditLog.Entry> list(@QueryParam("project") String project, @QueryParam("action") String action,
                                     @QueryParam("since") String since, @QueryParam("limit") Integer limit) {
        ProjectCaller caller = projects.admit(current.get(), project);
        return audit.find(caller.project() != null ? caller.project() : project, action, ListQuery.since(since),
                ListQuery.limit(limit));
    }
}
