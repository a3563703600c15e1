package com.wedsync.perf.gate.budget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Budgets per project and environment, every change a new version; version 0 is the built-in default. */
@ApplicationScoped
public class BudgetStore {

    public record Versioned(int version, Budget budget) {
    }

    private final EntityManager entities;
    private final ObjectMapper json;

    public BudgetStore(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

    @Transactional
    public Versioned current(String project, String environment) {
        return entities.createQuery("from BudgetRecord where project = :project and environment = :environment "
                        + "order by version desc", BudgetRecord.class)
                .setParameter("project", project).setParameter("environment", environment).setMaxResults(1)
                .getResultStream().findFirst()
                .map(row -> new Versioned(row.version, read(project, row.budget)))
                .orElseGet(() -> new Versioned(0, Budget.defaults(environment)));
    }

    /** Stores the next version; two saves at once for the same environment: one wins, the other is refused. */
    @Transactional
    public Versioned save(String project, String environment, Budget budget, String by) {
        BudgetRecord row = new BudgetRecord();
        row.project = project;
        row.environment = environment;
        row.version = current(project, environment).version() + 1;
        try {
            row.budget = json.writeValueAsString(budget);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the budget of " + project + ": " + e.getOriginalMessage(), e);
        }
        row.createdBy = by;
        row.createdAt = Instant.now();
        entities.persist(row);
        return new Versioned(row.version, budget);
    }

    private Budget read(String project, String document) {
        try {
            return json.readValue(document, Budget.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the budget of " + project + ": " + e.getOriginalMessage(), e);
        }
    }
}
