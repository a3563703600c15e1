package com.wedsync.perf.gate.project;

import com.wedsync.perf.service.auth.Caller;
import com.wedsync.perf.service.auth.CredentialResolver;
import com.wedsync.perf.service.auth.Grant;
import com.wedsync.perf.service.auth.SecretHash;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A project's tokens, by the hash of the presented one (revoked ones never match): the project and the role. */
@ApplicationScoped
public class ProjectTokens implements CredentialResolver {

    private final AgroalDataSource db;

    public ProjectTokens(AgroalDataSource db) {
        this.db = db;
    }

    @Override
    public Optional<Caller> resolve(String token) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT project, role FROM project_tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
            s.setString(1, SecretHash.of(token));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Role role = Role.valueOf(r.getString(2));
                return Optional.of(new Caller(r.getString(1) + " " + role.name().toLowerCase() + " token",
                        Caller.Kind.PROJECT, r.getString(1), grants(role)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check a token: " + e.getMessage(), e);
        }
    }

    /** The gate's record of who acted, from the admitted caller's grants. */
    static Role role(Caller caller) {
        return caller.grants().contains(Grant.PROJECT_ADMIN) ? Role.ADMIN
                : caller.grants().contains(Grant.PROJECT_CI) ? Role.CI : Role.READ;
    }

    private static Set<Grant> grants(Role role) {
        return switch (role) {
            case READ -> EnumSet.of(Grant.PROJECT_READ);
            case CI -> EnumSet.of(Grant.PROJECT_READ, Grant.PROJECT_CI);
            case ADMIN -> EnumSet.of(Grant.PROJECT_READ, Grant.PROJECT_CI, Grant.PROJECT_ADMIN);
        };
    }
}
