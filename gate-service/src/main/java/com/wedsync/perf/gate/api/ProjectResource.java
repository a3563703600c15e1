package com.wedsync.perf.gate.api;

import com.wedsync.perf.gate.budget.Budget;
import com.wedsync.perf.gate.budget.BudgetStore;
import com.wedsync.perf.gate.deploy.ProjectWebhooks;
import com.wedsync.perf.gate.github.GitHubStatuses;
import com.wedsync.perf.gate.project.AuditLog;
import com.wedsync.perf.gate.project.ProjectCaller;
import com.wedsync.perf.gate.project.ProjectTenants;
import com.wedsync.perf.gate.project.Projects;
import com.wedsync.perf.gate.project.Role;
import com.wedsync.perf.service.api.ApiException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import com.wedsync.perf.gate.hook.InboundHooks;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Projects, their tokens (issued once, rotatable), budgets per environment (versioned), outbound webhook,
 * inbound-hook secret and GitHub settings. */
@Path("/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final Projects projects;
    private final BudgetStore budgets;
    private final AuditLog audit;
    private final CurrentCaller current;
    private final ProjectWebhooks webhooks;
    private final GitHubStatuses github;
    private final InboundHooks inbound;
    private final ProjectTenants boundTenants;
    private final String publicUrl;

    public ProjectResource(Projects projects, BudgetStore budgets, AuditLog audit, CurrentCaller current,
                           ProjectWebhooks webhooks, GitHubStatuses github, InboundHooks inbound, ProjectTenants boundTenants,
                           @ConfigProperty(name = "gate.public-url", defaultValue = "http://127.0.0.1:8085") String publicUrl) {
        this.inbound = inbound;
        this.boundTenants = boundTenants;
        this.publicUrl = publicUrl;
        this.webhooks = webhooks;
        this.github = github;
        this.projects = projects;
        this.budgets = budgets;
        this.audit = audit;
        this.current = current;
    }

    @POST
    @Transactional
    @Access(Grant.OPS)
    @Operation(summary = "Create a project (ops token); answers its read, CI and admin tokens, shown only now")
    public Response create(ProjectRequest request) {
        if (request == null) {
            throw ApiException.badRequest("missing_body", "a JSON body with 'id' is required");
        }
        Map<Role, String> tokens = projects.create(request.id(), request.name());
        audit.record(request.id(), ProjectCaller.ops(), "create_project", request.id(), null, "created");
        return Response.status(Response.Status.CREATED).entity(Map.of("project", request.id(), "tokens", tokens)).build();
    }

    @POST
    @Transactional
    @Path("/{id}/tokens/{role}")
    @Access({Grant.OPS, Grant.PROJECT_ADMIN})
    @Operation(summary = "Issue a new token for a role (admin); revoke=true also revokes the role's older tokens")
    public Map<String, Object> rotate(@PathParam("id") String project, @PathParam("role") String role,
                                      @QueryParam("revoke") boolean revoke) {
        ProjectCaller caller = projects.admit(current.get(), project);
        Role which = role(role);
        Instant issuedAt = Instant.now();
        String token = projects.issue(project, which);
        int revoked = revoke ? projects.revokeOlder(project, which, issuedAt) : 0;
        audit.record(project, caller, "rotate_token", which.name(), null, "revoked " + revoked);
        return Map.of("project", project, "role", which, "token", token, "revoked", revoked);
    }

    @GET
    @Path("/{id}/budgets/{environment}")
    @Access({Grant.OPS, Grant.PROJECT_READ})
    @Operation(summary = "The budget in force for an environment (version 0: the built-in defaults)")
    public BudgetStore.Versioned budget(@PathParam("id") String project, @PathParam("environment") String environment) {
        projects.admit(current.get(), project);
        return budgets.current(project, environment);
    }

    @PUT
    @Transactional
    @Path("/{id}/budgets/{environment}")
    @Access({Grant.OPS, Grant.PROJECT_ADMIN})
    @Operation(summary = "Replace the budget of an environment (admin); a new version")
    public BudgetStore.Versioned replaceBudget(@PathParam("id") String project, @PathParam("environment") String environment,
                                               Budget budget) {
        ProjectCaller caller = projects.admit(current.get(), project);
        if (budget == null) {
            throw ApiException.badRequest("invalid_budget", "no budget in the body (GET the current one for the shape)");
        }
        budget.problem().ifPresent(problem -> {
            throw ApiException.badRequest("invalid_budget", problem);
        });
        BudgetStore.Versioned saved = budgets.save(project, environment, budget, caller.name());
        audit.record(project, caller, "set_budget", environment, null, "version " + saved.version());
        return saved;
    }

    @PUT
    @Transactional
    @Path("/{id}/webhook")
    @Access({Grant.OPS, Grant.PROJECT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the project's signed webhook for rollback recommendations (admin)")
    public Map<String, Object> webhook(@PathParam("id") String project, WebhookRequest request) {
        ProjectCaller caller = projects.admit(current.get(), project);
        if (request == null) {
            throw ApiException.badRequest("missing_body", "'url' and 'secret' are required");
        }
        webhooks.save(project, request.url(), request.secret());
        audit.record(project, caller, "set_webhook", project, null, "set");
        return Map.of("project", project, "webhook", true);
    }

    @PUT
    @Transactional
    @Path("/{id}/inbound-hook")
    @Access({Grant.OPS, Grant.PROJECT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue the secret deploy tools and GitHub sign inbound deployment webhooks with (admin); shown "
            + "only now, a new call replaces it")
    public Map<String, Object> inboundHook(@PathParam("id") String project, InboundHookRequest request) {
        ProjectCaller caller = projects.admit(current.get(), project);
        if (request != null && request.tenants() != null) {
            boundTenants.requireBound(project, request.tenants());
        }
        String secret = inbound.configure(project, request == null ? null : request.tenants());
        audit.record(project, caller, "set_inbound_hook", project, null, String.join(",", request.tenants()));
        return Map.of("project", project, "url", publicUrl + "/v1/hooks/" + project + "/deployments", "secret", secret,
                "signature", "X-WedSync-Signature: sha256=<HMAC-SHA256 of '<X-WedSync-Timestamp>.<body>', hex>, the unix "
                        + "seconds in X-WedSync-Timestamp (or GitHub's X-Hub-Signature-256 over the body)",
                "delivery", "X-WedSync-Delivery (or GitHub's X-GitHub-Delivery): a unique id per delivery",
                "tenants", request.tenants());
    }

    @PUT
    @Transactional
    @Path("/{id}/github")
    @Access({Grant.OPS, Grant.PROJECT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the repository and token for GitHub commit statuses (admin); the token is never shown")
    public Map<String, Object> github(@PathParam("id") String project, GitHubRequest request) {
        ProjectCaller caller = projects.admit(current.get(), project);
        if (request == null) {
            throw ApiException.badRequest("missing_body", "'repository' and 'token' are required");
        }
        github.configure(project, request.apiUrl(), request.repository(), request.token());
        audit.record(project, caller, "set_github", request.repository(), null, "set");
        return Map.of("project", project, "repository", request.repository(), "context", GitHubStatuses.CONTEXT);
    }

    private static Role role(String role) {
        try {
            return Role.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_role", "role must be read, ci or admin");
        }
    }
}
