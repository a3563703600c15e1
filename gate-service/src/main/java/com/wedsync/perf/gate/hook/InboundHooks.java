package com.wedsync.perf.gate.hook;

import com.wedsync.perf.service.api.ApiException;
import com.wedsync.perf.service.auth.SecretHash;
import com.wedsync.perf.service.secret.SecretBox;
import com.wedsync.perf.service.secret.SecretColumns;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final AgroalDataSource db;
    private final SecretBox secrets;

    public InboundHooks(AgroalDataSource db, SecretBox secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    /** Issues a new secret (replacing any older one) and answers it. */
    public String configure(String project, List<String> tenants) {
        if (tenants == null || tenants.isEmpty() || tenants.stream().anyMatch(t -> t == null || t.isBlank() || t.contains(","))) {
            throw ApiException.badRequest("missing_tenants", "'tenants' must list the tenants whose real users a reported "
                    + "deployment is judged by");
        }
        String secret = SecretHash.newSecret("whsec_");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO inbound_hooks "
                + "(project, secret, tenants, created_at) VALUES (?,?,?,now()) ON CONFLICT (project) DO UPDATE SET "
                + "secret = excluded.secret, tenants = excluded.tenants, created_at = excluded.created_at")) {
            s.setString(1, project);
            s.setString(2, secrets.seal(secret, SECRET_COLUMNS.context("secret", project)));
            s.setString(3, String.join(",", tenants.stream().map(String::strip).toList()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the inbound hook of " + project + ": " + e.getMessage(), e);
        }
        return secret;
    }

    public Optional<Hook> of(String project) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT secret, tenants FROM inbound_hooks WHERE project = ?")) {
            s.setString(1, project);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Hook(secrets.open(r.getString(1), SECRET_COLUMNS.context("secret", project)),
                        Arrays.asList(r.getString(2).split(",")))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the inbound hook of " + project + ": " + e.getMessage(), e);
        }
    }

    /** Records a delivery; false when its id was seen before (a redelivery or a replay). */
    public boolean firstDelivery(String project, String deliveryId, String outcome) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO inbound_deliveries "
                + "(project, delivery_id, received_at, outcome) VALUES (?,?,now(),?) ON CONFLICT DO NOTHING")) {
            s.setString(1, project);
            s.setString(2, deliveryId);
            s.setString(3, outcome);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record delivery " + deliveryId + ": " + e.getMessage(), e);
        }
    }
}
