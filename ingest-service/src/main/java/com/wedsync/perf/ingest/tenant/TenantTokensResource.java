package com.wedsync.perf.ingest.tenant;

import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A tenant's own tokens, managed by its admin tokens (and ops): list, issue, rotate, revoke. */
@Path("/v1/tenants/{id}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Access({Grant.OPS, Grant.TENANT_ADMIN})
public class TenantTokensResource {

    private final TenantTokens tokens;
    private final CurrentCaller caller;

    public TenantTokensResource(TenantTokens tokens, CurrentCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The tenant's tokens: name, scope, when issued (never a secret)")
    public List<TokenView> list(@PathParam("id") String tenant) {
        caller.get().requireTenant(tenant);
        return tokens.list(tenant);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a named token with a scope (read, write, admin); the secret is in this answer only")
    public CompletionStage<Response> issue(@PathParam("id") String tenant, TokenRequest request) {
        caller.get().requireTenant(tenant);
        return tokens.issue(tenant, request, caller.get().name())
                .thenApply(issued -> Response.status(201).entity(issued).build());
    }

    @POST
    @Path("/{name}/rotate")
    @Operation(summary = "A new secret for the token; the old one stops working within seconds")
    public CompletionStage<TokenView> rotate(@PathParam("id") String tenant, @PathParam("name") String name) {
        caller.get().requireTenant(tenant);
        return tokens.rotate(tenant, name, caller.get().name());
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Revoke the token (not the tenant's last admin token)")
    public CompletionStage<Response> revoke(@PathParam("id") String tenant, @PathParam("name") String name) {
        caller.get().requireTenant(tenant);
        return tokens.revoke(tenant, name, caller.get().name()).thenApply(done -> Response.noContent().build());
    }
}
