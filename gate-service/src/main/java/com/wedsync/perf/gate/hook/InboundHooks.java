package com.wedsync.perf.gate.hook;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.SecretHash;
import com.wedsync.perf.service.secret.SecretBox;
import com.wedsync.perf.service.secret.SecretColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A project's inbound webhook: the secret senders sign with (kept as it is, since checking an HMAC needs it; never
 * shown again after it is issued), the tenants a deployment reported through it watches, and the deliveries seen.
 */
@ApplicationScoped
public class InboundHooks {

    /** The secret and the tenants to watch when a delivery names none. */
    public record Hook(String secret, List<String> tenants) {
    }

    public static final SecretColumns SECRET_COLUMNS = new SecretColumns("inbound_hooks", "project", List.of("secret"));

    private final EntityManager entities;
    private final SecretBox secrets;

    public InboundHooks(EntityManager entities, SecretBox secrets) {
        this.entities = entities;
        this.secrets = secrets;
    }

    /** Issues a new secret (replacing any older one) and answers it. */
    @Transactional
    public String configure(String project, List<String> tenants) {
        if (tenants == null || tenants.isEmpty() || tenants.stream().anyMatch(t -> t == null || t.isBlank() || t.contains(","))) {
            throw ApiException.badRequest("missing_tenants", "'tenants' must list the tenants whose real users a reported "
                    + "deployment is judged by");
        }
        String secret = SecretHash.newSecret("whsec_");
        entities.createNativeQuery("INSERT INTO inbound_hooks (project, secret, tenants, created_at) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT (project) DO UPDATE SET secret = excluded.secret, tenants = excluded.tenants, "
                        + "created_at = excluded.created_at")
                .setParameter(1, project).setParameter(2, secrets.seal(secret, SECRET_COLUMNS.context("secret", project)))
                .setParameter(3, String.join(",", tenants.stream().map(String::strip).toList()))
                .setParameter(4, Instant.now()).executeUpdate();
        return secret;
    }

    @Transactional
    public Optional<Hook> of(String project) {
        return Optional.ofNullable(entities.find(InboundHookRecord.class, project))
                .map(row -> new Hook(secrets.open(row.secret, SECRET_COLUMNS.context("secret", project)),
                        Arrays.asList(row.tenants.split(","))));
    }

    /** Records a delivery; false when its id was seen before (a redelivery or a replay). */
    @Transactional
    public boolean firstDelivery(String project, String deliveryId, String outcome) {
        return entities.createNativeQuery("INSERT INTO inbound_deliveries (project, delivery_id, received_at, outcome) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, project).setParameter(2, deliveryId).setParameter(3, Instant.now())
                .setParameter(4, outcome).executeUpdate() == 1;
    }
}
