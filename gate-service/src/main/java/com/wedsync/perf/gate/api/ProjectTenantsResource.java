package com.wedsync.perf.gate.api;

import com.wedsync.perf.gate.project.AuditLog;
import com.wedsync.perf.gate.project.ProjectCaller;
import com.wedsync.perf.gate.project.ProjectTenants;
import com.wedsync.perf.gate.project.Projects;
import com.wedsync.perf.service.api.ApiException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The tenants whose real users a project's deployments are judged by: bound by ops, read by the project. */
@Path("/v1/projects/{id}/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectTenantsResource {

    private final Projects projects;
    private final ProjectTenants tenants;
    private final CurrentCaller current;
    private final AuditLog audit;

    public ProjectTenantsResource(Projects projects, ProjectTenants tenants, CurrentCaller current, AuditLog audit) {
        this.projects = projects;
        this.tenants = tenants;
        this.current = current;
        this.audit = audit;
    }

    @PUT
    @Transactional
    @Access(Grant.OPS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bind the tenants whose real users the project's deployments may be judged by (ops only)")
    public Map<String, Object> bind(@PathParam("id") String project, InboundHookRequest request) {
        if (!projects.exists(project)) {
            throw ApiException.notFound("no project '" + project + "'");
        }
        if (request == null || request.tenants() == null) {
            throw ApiException.badRequest("missing_tenants", "a JSON body {\"tenants\": [...]} is required");
        }
        tenants.bind(project, request.tenants());
        audit.record(project, ProjectCaller.ops(), "bind_tenants", project, null, String.join(",", request.tenants()));
        return Map.of("project", project, "tenants", tenants.of(project));
    }

    @GET
    @Access({Grant.OPS, Grant.PROJECT_READ})
    @Operation(summary = "The tenants bound to the project")
    public Map<String, Object> bound(@PathParam("id") String project) {
        projects.admit(current.get(), project);
        List<String> bound = tenants.of(project);
        return Map.of("project", project, "tenants", bound);
    }
}
