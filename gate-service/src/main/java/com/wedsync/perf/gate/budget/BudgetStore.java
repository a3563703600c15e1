package com.wedsync.perf.gate.budget;

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

/** Budgets per project and environment, every change a new version; version 0 is the built-in default. */
@ApplicationScoped
public class BudgetStore {

    public record Versioned(int version, Budget budget) {
    }

    private final AgroalDataSource db;
    private final ObjectMapper json;

    public BudgetStore(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public Versioned current(String project, String environment) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT version, budget FROM budgets "
                + "WHERE project = ? AND environment = ? ORDER BY version DESC LIMIT 1")) {
            s.setString(1, project);
            s.setString(2, environment);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Versioned(r.getInt(1), json.readValue(r.getString(2), Budget.class))
                        : new Versioned(0, Budget.defaults(environment));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the budget of " + project + ": " + e.getMessage(), e);
        }
    }

    public Versioned save(String project, String environment, Budget budget, String by) {
        int next = current(project, environment).version() + 1;
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO budgets "
                + "(project, environment, version, budget, created_by, created_at) VALUES (?,?,?,?,?,?)")) {
            s.setString(1, project);
            s.setString(2, environment);
            s.setInt(3, next);
            s.setString(4, json.writeValueAsString(budget));
            s.setString(5, by);
            s.setTimestamp(6, Timestamp.from(Instant.now()));
            s.executeUpdate();
            return new Versioned(next, budget);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot save the budget of " + project + ": " + e.getMessage(), e);
        }
    }
}
