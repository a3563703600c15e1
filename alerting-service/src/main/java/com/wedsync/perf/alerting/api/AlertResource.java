package com.wedsync.perf.alerting.api;

import com.wedsync.perf.alerting.audit.AuditTrail;
import com.wedsync.perf.alerting.delivery.DeliveryLog;
import com.wedsync.perf.alerting.lifecycle.AlertActions;
import com.wedsync.perf.alerting.lifecycle.AlertRow;
import com.wedsync.perf.alerting.lifecycle.AlertStore;
import com.wedsync.perf.alerting.lifecycle.AlertView;
import com.wedsync.perf.model.event.AlertState;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Alerts: list, one with its history, acknowledge, resolve. A tenant token sees only its tenant's alerts. */
@Path("/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final AlertStore alerts;
    private final AlertActions actions;
    private final CurrentCaller caller;
    private final DeliveryLog deliveries;

    private final AuditTrail audit;

    public AlertResource(AlertStore alerts, AlertActions actions, CurrentCaller caller, DeliveryLog deliveries, AuditTrail audit) {
        this.audit = audit;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.actions = actions;
        this.caller = caller;
    }

    @GET
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "Alerts, newest first, by tenant, state and severity")
    public List<AlertView> list(@QueryParam("tenant") String tenant, @QueryParam("state") String state,
                                @QueryParam("severity") String severity, @QueryParam("limit") Integer limit) {
        Optional<String> scope = caller.get().tenantScope();
        if (scope.isPresent() && tenant != null && !tenant.equals(scope.get())) {
            throw ApiException.notFound("no data for tenant '" + tenant + "'");
        }
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 1000) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and 1000");
        }
        return alerts.find(scope.orElse(tenant), parse(AlertState.class, state, "state"),
                parse(Severity.class, severity, "severity"), max).stream()
                .filter(row -> row.isVisibleTo(scope.orElse(null))).map(AlertRow::toView).toList();
    }

    @GET
    @Path("/{id}")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "One alert with the history of its state changes")
    public AlertDetail get(@PathParam("id") String id) {
        Optional<String> scope = caller.get().tenantScope();
        UUID alertId = id(id);
        AlertView alert = alerts.byId(alertId).filter(row -> row.isVisibleTo(scope.orElse(null))).map(AlertRow::toView)
                .orElseThrow(() -> ApiException.notFound("no alert " + id));
        return new AlertDetail(alert, alerts.history(alertId), deliveries.of(alertId));
    }

    @POST
    @Transactional
    @Path("/{id}/ack")
    @Access({Grant.OPS, Grant.TENANT_WRITE})
    @Operation(summary = "Acknowledge a firing alert")
    public AlertView acknowledge(@PathParam("id") String id, AlertCommand command) {
        Caller who = caller.get();
        AlertView acknowledged = actions.acknowledge(id(id), who.name(), command == null ? null : command.note(), who.tenantScope().orElse(null));
        audit.record(who.name(), acknowledged.tenant(), "acknowledge", id, null, java.util.Map.of("note", note(command)));
        return acknowledged;
    }

    @POST
    @Transactional
    @Path("/{id}/resolve")
    @Access({Grant.OPS, Grant.TENANT_WRITE})
    @Operation(summary = "Resolve an alert by hand, with resolution notes")
    public AlertView resolve(@PathParam("id") String id, AlertCommand command) {
        Caller who = caller.get();
        AlertView resolved = actions.resolve(id(id), who.name(), command == null ? null : command.note(), who.tenantScope().orElse(null));
        audit.record(who.name(), resolved.tenant(), "resolve", id, null, java.util.Map.of("notes", note(command)));
        return resolved;
    }

    private static String note(AlertCommand command) {
        return command == null || command.note() == null ? "" : command.note();
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no alert " + id);
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_" + name, name + " '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
