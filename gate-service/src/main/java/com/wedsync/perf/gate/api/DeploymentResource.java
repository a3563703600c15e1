package com.wedsync.perf.gate.api;

import com.wedsync.perf.gate.deploy.Deployment;
import com.wedsync.perf.gate.deploy.DeploymentRequest;
import com.wedsync.perf.gate.deploy.DeploymentService;
import com.wedsync.perf.gate.deploy.DeploymentStore;
import com.wedsync.perf.gate.project.ProjectCaller;
import com.wedsync.perf.gate.project.Projects;
import com.wedsync.perf.service.api.ApiException;
import jakarta.ws.rs.Consumes;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Deployments and their post-deploy verdicts. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    private final DeploymentService service;
    private final DeploymentStore deployments;
    private final Projects projects;
    private final CurrentCaller current;

    public DeploymentResource(DeploymentService service, DeploymentStore deployments, Projects projects, CurrentCaller current) {
        this.service = service;
        this.deployments = deployments;
        this.projects = projects;
        this.current = current;
    }

    @POST
    @Path("/deployments")
    @Access({Grant.OPS, Grant.PROJECT_CI})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a deployment (CI token); its tenants' real-user metrics are then compared before / after")
    public Response deployed(DeploymentRequest request) {
        if (request == null || request.project() == null) {
            throw ApiException.badRequest("missing_project", "'project' is required");
        }
        ProjectCaller caller = projects.admit(current.get(), request.project());
        return Response.status(Response.Status.CREATED).entity(service.register(request, caller)).build();
    }

    @GET
    @Path("/deployments/{id}")
    @Access({Grant.OPS, Grant.PROJECT_READ})
    @Operation(summary = "A deployment with its verdict and evidence")
    public Deployment deployment(@PathParam("id") String id) {
        UUID deploymentId;
        try {
            deploymentId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no deployment " + id);
        }
        Deployment deployment = deployments.byId(deploymentId).orElseThrow(() -> ApiException.notFound("no deployment " + id));
        projects.admit(current.get(), deployment.project());
        return deployment;
    }
}
