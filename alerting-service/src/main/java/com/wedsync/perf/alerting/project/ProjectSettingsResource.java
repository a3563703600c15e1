package com.wedsync.perf.alerting.project;

import com.wedsync.perf.alerting.audit.AuditTrail;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import com.wedsync.perf.service.outbound.Destination;
import com.wedsync.perf.service.outbound.OutboundPolicy;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Where a CI project's gate decisions and rollback recommendations go (ops only: projects are the platform's). */
@Path("/v1/projects/{id}/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectSettingsResource {

    /** The gate's project ids. */
    private static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** What is set, never the URL. */
    public record Shown(String project, boolean slackWebhook) {
    }

    /** The body of a PUT: the Slack incoming webhook, or null to stop. */
    public record Settings(String slackWebhookUrl) {
    }

    private final ProjectTargets targets;
    private final OutboundPolicy outbound;
    private final CurrentCaller caller;
    private final AuditTrail audit;

    public ProjectSettingsResource(ProjectTargets targets, OutboundPolicy outbound, CurrentCaller caller, AuditTrail audit) {
        this.targets = targets;
        this.outbound = outbound;
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    @Access(Grant.OPS)
    @Operation(summary = "Whether the CI project has a Slack channel for its gate decisions and rollback recommendations")
    public Shown get(@PathParam("id") String project) {
        return new Shown(checked(project), targets.slackOf(project).isPresent());
    }

    @PUT
    @Transactional
    @Access(Grant.OPS)
    @Operation(summary = "Set the CI project's Slack incoming webhook (stored as a secret); null removes it")
    public Shown put(@PathParam("id") String project, Settings settings) {
        String id = checked(project);
        if (settings == null) {
            throw ApiException.badRequest("missing_body", "a JSON body with slackWebhookUrl is required");
        }
        String url = settings.slackWebhookUrl() == null || settings.slackWebhookUrl().isBlank() ? null
                : outbound.acceptConfigured(settings.slackWebhookUrl(), Destination.SLACK, "slackWebhookUrl").toString();
        boolean before = targets.slackOf(id).isPresent();
        targets.save(id, url);
        audit.record(caller.get().name(), null, "set_project_notifications", id, Map.of("slackWebhook", before),
                Map.of("slackWebhook", url != null));
        return new Shown(id, url != null);
    }

    private static String checked(String project) {
        if (project == null || !PROJECT.matcher(project).matches()) {
            throw ApiException.badRequest("invalid_project", "a project id is 1-64 lower-case letters, digits, '.', '_' or '-'");
        }
        return project;
    }
}
