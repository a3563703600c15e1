package com.wedsync.perf.alerting.api;

import com.wedsync.perf.alerting.audit.AuditTrail;
import com.wedsync.perf.alerting.delivery.NotificationTargets;
import com.wedsync.perf.alerting.rules.EffectiveRules;
import com.wedsync.perf.alerting.rules.RuleOverrides;
import com.wedsync.perf.alerting.rules.RuleStore;
import com.wedsync.perf.alerting.rules.TenantRules;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.Access;
import com.wedsync.perf.service.auth.CurrentCaller;
import com.wedsync.perf.service.auth.Grant;
import com.wedsync.perf.service.outbound.Destination;
import com.wedsync.perf.service.outbound.OutboundPolicy;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A tenant's alert rules (its overrides of the defaults) and where its alerts are delivered. */
@Path("/v1/tenants/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class TenantSettingsResource {

    private final RuleStore store;
    private final TenantRules rules;
    private final NotificationTargets targets;
    private final CurrentCaller caller;
    private final OutboundPolicy outbound;
    private final AuditTrail audit;

    public TenantSettingsResource(RuleStore store, TenantRules rules, NotificationTargets targets, CurrentCaller caller,
                                  OutboundPolicy outbound, AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.rules = rules;
        this.targets = targets;
        this.caller = caller;
        this.outbound = outbound;
    }

    @GET
    @Path("/rules")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "The rules in force for the tenant: its tier's defaults under its overrides")
    public EffectiveRules rules(@PathParam("id") String tenant) {
        caller.get().requireTenant(tenant);
        return rules.current(tenant);
    }

    @PUT
    @Transactional
    @Path("/rules")
    @Access({Grant.OPS, Grant.TENANT_WRITE})
    @Operation(summary = "Replace the tenant's overrides (fields left out keep the defaults)")
    public EffectiveRules replaceRules(@PathParam("id") String tenant, RuleOverrides overrides) {
        caller.get().requireTenant(tenant);
        RuleOverrides before = store.overrides(tenant);
        RuleOverrides after = overrides == null ? RuleOverrides.NONE : overrides;
        store.save(tenant, after);
        audit.record(caller.get().name(), tenant, "set_rules", tenant, before, after);
        return rules.with(tenant, after);
    }

    @PUT
    @Transactional
    @Path("/notifications")
    @Access({Grant.OPS, Grant.TENANT_WRITE})
    @Operation(summary = "Set the tenant's Slack incoming webhook and signed webhook (stored as secrets)")
    public NotificationSettings.Shown replaceTargets(@PathParam("id") String tenant, NotificationSettings settings) {
        caller.get().requireTenant(tenant);
        if (settings == null) {
            throw ApiException.badRequest("missing_body", "a JSON body with slackWebhookUrl and/or webhookUrl is required");
        }
        String slack = url(settings.slackWebhookUrl(), Destination.SLACK, "slackWebhookUrl");
        String webhook = url(settings.webhookUrl(), Destination.WEBHOOK, "webhookUrl");
        if (webhook != null && (settings.webhookSecret() == null || settings.webhookSecret().length() < 16)) {
            throw ApiException.badRequest("invalid_secret", "a webhookUrl needs a webhookSecret of at least 16 characters");
        }
        NotificationSettings.Shown before = shown(tenant);
        targets.save(tenant, new NotificationTargets.Targets(slack, webhook, webhook == null ? null : settings.webhookSecret()));
        NotificationSettings.Shown after = shown(tenant);
        // the URLs and the secret are secrets: the log says only what is set
        audit.record(caller.get().name(), tenant, "set_notifications", tenant, before, after);
        return after;
    }

    @GET
    @Path("/notifications")
    @Access({Grant.OPS, Grant.TENANT_READ})
    @Operation(summary = "Which delivery targets the tenant has set (never the URLs)")
    public NotificationSettings.Shown targets(@PathParam("id") String tenant) {
        caller.get().requireTenant(tenant);
        return shown(tenant);
    }

    private NotificationSettings.Shown shown(String tenant) {
        NotificationTargets.Targets set = targets.of(tenant);
        return new NotificationSettings.Shown(set.slackWebhook() != null, set.webhookUrl() != null, set.webhookSecret() != null);
    }

    /** A URL our servers will call: https on the public internet, Slack's own host for Slack (see OutboundPolicy). */
    private String url(String value, Destination destination, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return outbound.acceptConfigured(value, destination, name).toString();
    }
}
