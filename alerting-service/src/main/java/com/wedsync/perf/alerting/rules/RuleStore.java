package com.wedsync.perf.alerting.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Each tenant's rule overrides, as the JSON document it PUT ({@code tenant_rules}). */
@ApplicationScoped
public class RuleStore {

    private final AgroalDataSource db;
    private final ObjectMapper json;

    public RuleStore(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public RuleOverrides overrides(String tenant) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT rules FROM tenant_rules WHERE tenant = ?")) {
            s.setString(1, tenant);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? json.readValue(r.getString(1), RuleOverrides.class) : RuleOverrides.NONE;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the rules of " + tenant + ": " + e.getMessage(), e);
        }
    }

    public void save(String tenant, RuleOverrides overrides) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO tenant_rules "
                + "(tenant, rules, updated_at) VALUES (?,?,?) ON CONFLICT (tenant) DO UPDATE SET rules = excluded.rules, "
                + "updated_at = excluded.updated_at")) {
            s.setString(1, tenant);
            s.setString(2, json.writeValueAsString(overrides));
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot save the rules of " + tenant + ": " + e.getMessage(), e);
        }
    }
}
