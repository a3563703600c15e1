package com.wedsync.perf.alerting.api;

import com.wedsync.perf.alerting.audit.AuditTrail;
import com.wedsync.perf.alerting.lifecycle.Silence;
import com.wedsync.perf.alerting.lifecycle.SilenceStore;
import com.wedsync.perf.model.event.AlertType;
import com.wedsync.perf.model.event.Severity;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.Caller;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Silences: matching alerts are recorded but not sent until the silence ends. Tenants silence only their own. */
@Path("/v1/silences")
@Produces(MediaType.APPLICATION_JSON)
public class SilenceResource {

    private static final Duration LONGEST = Duration.ofDays(30);

    private final SilenceStore silences;
    private final CurrentCaller caller;
    private final AuditTrail audit;

    public SilenceResource(SilenceStore silences, CurrentCaller caller, AuditTrail audit) {
        this.audit = audit;
        this.silences = silences;
        this.caller = caller;
    }

    @POST
    @Transactional
    @Access({Grant.OPS, Grant.TENANT_WRITE})
    @Operation(summary = "Silence alerts matching tenant / route / metric / type / severity until a time")
    public Response create(SilenceRequest request) {
        Caller who = caller.get();
        Optional<String> scope = who.tenantScope();
        if (request == null) {
            throw ApiException.badRequest("missing_body", "a JSON body with matchers and until (or minutes) is required");
        }
        if (scope.isPresent() && request.tenant() != null && !request.tenant().equals(scope.get())) {
            throw ApiException.notFound("no data for tenant '" + request.tenant() + "'");
        }
        Instant now = Instant.now();
        Instant until = request.until() != null ? request.until()
                : request.minutes() != null ? now.plus(Duration.ofMinutes(request.minutes())) : null;
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(LONGEST))) {
            throw ApiException.badRequest("invalid_until", "until (or minutes) must lie in the next 30 days");
        }
        Silence silence = new Silence(UUID.randomUUID(), scope.orElse(request.tenant()), request.route(), request.metric(),
                AlertResource.parse(AlertType.class, request.type(), "type"),
                AlertResource.parse(Severity.class, request.severity(), "severity"), until, who.name(), request.comment(), now,
                scope.isPresent());
        silences.insert(silence);
        audit.record(who.name(), silence.tenant(), "create_silence", silence.id().toString(), null, silence);
        return Response.status(Response.Status.CREATED).entity(silence).build();
    }

    @GET
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "Silences in force")
    public List<Silence> active() {
        return silences.active(Instant.now(), caller.get().tenantScope().orElse(null));
    }
}
