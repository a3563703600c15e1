package com.wedsync.perf.gate.api;

import com.wedsync.perf.gate.deploy.Deployment;
import com.wedsync.perf.gate.deploy.DeploymentRequest;
import com.wedsync.perf.gate.deploy.DeploymentService;
import com.wedsync.perf.gate.deploy.DeploymentStore;
import com.wedsync.perf.gate.project.Caller;
import com.wedsync.perf.gate.project.Projects;
import com.wedsync.perf.gate.project.Role;
import com.wedsync.perf.service.api.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

    public DeploymentResource(DeploymentService service, DeploymentStore deployments, Projects projects) {
        this.service = service;
        this.deployments = deployments;
        this.projects = projects;
    }

    @POST
    @Path("/deployments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a deployment (CI token); its tenants' real-user metrics are then compared before / after")
    public Response deployed(DeploymentRequest request, @HeaderParam("Authorization") String authorization) {
        if (request == null || request.project() == null) {
            throw ApiException.badRequest("missing_project", "'project' is required");
        }
        Caller caller = projects.require(authorization, request.project(), Role.CI);
        return Response.status(Response.Status.CREATED).entity(service.register(request, caller)).build();
    }

    @GET
    @Path("/deployments/{id}")
    @Operation(summary = "A deployment with its verdict and evidence")
    public Deployment deployment(@PathParam("id") String id, @HeaderParam("Authorization") String authorization) {
        UUID deploymentId;
        try {
            deploymentId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no deployment " + id);
        }
        Deployment deployment = deployments.byId(deploymentId).orElseThrow(() -> ApiException.notFound("no deployment " + id));
        projects.require(authorization, deployment.project(), Role.READ);
        return deployment;
    }
}
