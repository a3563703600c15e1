package com.wedsync.perf.gate.api;

import com.wedsync.perf.gate.hook.DeploymentHook;
import com.wedsync.perf.service.auth.WebhookSignature;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import com.wedsync.perf.service.auth.Public;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Inbound webhooks: deployments reported by deploy tools and GitHub, authenticated by their HMAC signature. */
@Path("/v1/hooks")
@Produces(MediaType.APPLICATION_JSON)
public class HookResource {

    private final DeploymentHook hook;

    public HookResource(DeploymentHook hook) {
        this.hook = hook;
    }

    @POST
    @Path("/{project}/deployments")
    @Public("deploy tools and GitHub sign the body with the project's inbound-hook secret instead of a bearer token")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A deployment reported by a signed webhook (X-WedSync-Signature over '<X-WedSync-Timestamp>.<body>', "
            + "at most 5 minutes old, or GitHub's X-Hub-Signature-256 over the body; HMAC-SHA256 with the project's "
            + "inbound-hook secret) — the POST /v1/deployments body or a GitHub deployment_status event")
    public Response deployment(@PathParam("project") String project, byte[] body,
                               @HeaderParam(WebhookSignature.HEADER) String signature,
                               @HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp,
                               @HeaderParam("X-Hub-Signature-256") String gitHubSignature,
                               @HeaderParam("X-WedSync-Delivery") String delivery,
                               @HeaderParam("X-GitHub-Delivery") String gitHubDelivery,
                               @HeaderParam("X-GitHub-Event") String gitHubEvent) {
        DeploymentHook.Outcome outcome = hook.receive(project, body == null ? new byte[0] : body,
                signature != null ? new DeploymentHook.Signed(signature, timestamp, false)
                        : new DeploymentHook.Signed(gitHubSignature, null, true),
                delivery != null ? delivery : gitHubDelivery, gitHubEvent);
        return Response.status(outcome.deployment() != null ? Response.Status.CREATED : Response.Status.OK).entity(outcome).build();
    }
}
