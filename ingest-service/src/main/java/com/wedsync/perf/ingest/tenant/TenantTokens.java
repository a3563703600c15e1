package com.wedsync.perf.ingest.tenant;

import com.wedsync.perf.ingest.audit.TenantAudit;
import com.wedsync.perf.model.event.TenantConfig;
import com.wedsync.perf.model.event.TenantToken;
import com.wedsync.perf.model.event.TokenScope;
import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.SecretHash;
import com.wedsync.perf.service.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Issues, rotates and revokes a tenant's named tokens. A secret exists only in the answer that issued it; the
 * topic carries its hash. A tenant keeps at least one admin token, so its admins cannot lock themselves out.
 */
@ApplicationScoped
public class TenantTokens {

    private static final Logger LOG = Logger.getLogger(TenantTokens.class);

    private final TenantDirectory directory;
    private final TenantPublication publication;
    private final TenantAudit audit;
    private final Clock clock = Clock.systemUTC();

    public TenantTokens(TenantDirectory directory, TenantPublication publication, TenantAudit audit) {
        this.audit = audit;
        this.directory = directory;
        this.publication = publication;
    }

    public List<TokenView> list(String tenantId) {
        return tenant(tenantId).allTokens().stream().map(token -> TokenView.of(token, null)).toList();
    }

    public CompletionStage<TokenView> issue(String tenantId, TokenRequest request, String actor) {
        TenantConfig tenant = tenant(tenantId);
        if (request == null) {
            throw ApiException.badRequest("missing_body", "a JSON body {\"name\": ..., \"scope\": \"read|write|admin\"} is required");
        }
        String name = name(request.name());
        if (tenant.allTokens().stream().anyMatch(token -> token.name().equals(name))) {
            throw ApiException.conflict("token_exists", "tenant '" + tenantId + "' has a token named '" + name
                    + "'; rotate it or choose another name");
        }
        String secret = request.token() != null ? TenantValidation.secret(request.token(), "token")
                : SecretHash.newSecret(scope(request.scope()).secretPrefix());
        TenantToken token = new TenantToken(name, scope(request.scope()), SecretHash.of(secret), Instant.now(clock));
        List<TenantToken> tokens = new ArrayList<>(tenant.tokens());
        tokens.add(token);
        return save(tenant, tokens, "issue_token", name, actor)
                .thenApply(saved -> TokenView.of(token, request.token() != null ? null : secret));
    }

    /** A new secret under the same name and scope; the old one stops working as soon as the record is read. */
    public CompletionStage<TokenView> rotate(String tenantId, String name, String actor) {
        TenantConfig tenant = tenant(tenantId);
        TenantToken old = named(tenant, name);
        String secret = SecretHash.newSecret(old.scope().secretPrefix());
        TenantToken renewed = new TenantToken(old.name(), old.scope(), SecretHash.of(secret), Instant.now(clock));
        List<TenantToken> tokens = new ArrayList<>(tenant.tokens().stream().map(t -> t.name().equals(name) ? renewed : t).toList());
        return save(tenant, tokens, "rotate_token", name, actor).thenApply(saved -> TokenView.of(renewed, secret));
    }

    public CompletionStage<Void> revoke(String tenantId, String name, String actor) {
        TenantConfig tenant = tenant(tenantId);
        TenantToken revoked = named(tenant, name);
        List<TenantToken> tokens = tenant.tokens().stream().filter(t -> !t.name().equals(name)).toList();
        if (revoked.scope() == TokenScope.ADMIN && tokens.stream().noneMatch(t -> t.scope() == TokenScope.ADMIN)) {
            throw ApiException.conflict("last_admin_token", "'" + name + "' is the tenant's last admin token; issue "
                    + "another admin token first");
        }
        return save(tenant, tokens, "revoke_token", name, actor).thenApply(saved -> null);
    }

    /** Publishes the tenant with its new tokens, then the audit entry (names, scopes and issue times; never a hash). */
    private CompletionStage<TenantConfig> save(TenantConfig tenant, List<TenantToken> tokens, String action, String name,
                                               String actor) {
        TenantConfig changed = tenant.withTokens(tokens, Instant.now(clock));
        return publication.publish(changed)
                .thenComposeAsync(saved -> audit.record(actor, tenant.tenantId(), action, name, views(tenant), views(changed)))
                .thenApply(audited -> {
                    LOG.infof("tenant %s: %s %s by %s", tenant.tenantId(), action, name, actor);
                    return changed;
                });
    }

    private static List<TokenView> views(TenantConfig tenant) {
        return tenant.allTokens().stream().map(token -> TokenView.of(token, null)).toList();
    }

    private TenantConfig tenant(String tenantId) {
        return directory.byId(tenantId).orElseThrow(() -> ApiException.notFound("no data for tenant '" + tenantId + "'"));
    }

    private static TenantToken named(TenantConfig tenant, String name) {
        TenantToken token = tenant.allTokens().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("tenant '" + tenant.tenantId() + "' has no token '" + name + "'"));
        if (!tenant.tokens().contains(token)) {
            throw ApiException.conflict("legacy_token", "'" + name + "' is an unnamed read token of an older record; "
                    + "ops replace those with PUT /v1/admin/tenants/{id} (readTokens)");
        }
        return token;
    }

    static String name(String name) {
        if (!TenantToken.isValidName(name)) {
            throw ApiException.badRequest("invalid_token_name", "a token name is 1-48 lower-case letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    static TokenScope scope(String scope) {
        try {
            return TokenScope.valueOf(scope == null ? "" : scope.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_scope", "scope must be read, write or admin");
        }
    }
}
