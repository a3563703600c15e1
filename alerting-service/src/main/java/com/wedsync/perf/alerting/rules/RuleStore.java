package com.wedsync.perf.alerting.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Each tenant's rule overrides, as the JSON document it PUT ({@code tenant_rules}). */
@ApplicationScoped
public class RuleStore implements PanacheRepositoryBase<TenantRulesRecord, String> {

    private final ObjectMapper json;
    private final Cache applied;
    private final TransactionSynchronizationRegistry transactions;

    public RuleStore(ObjectMapper json, @CacheName(TenantRules.CACHE) Cache applied,
                     TransactionSynchronizationRegistry transactions) {
        this.json = json;
        this.applied = applied;
        this.transactions = transactions;
    }

    @Transactional
    public RuleOverrides overrides(String tenant) {
        return findByIdOptional(tenant).map(row -> read(tenant, row.rules)).orElse(RuleOverrides.NONE);
    }

    /**
     * Replaces the tenant's overrides; an upsert, so two saves at once cannot collide on the new row. The rules the
     * intake keeps ({@link TenantRules#of}) are forgotten when the transaction ends, so a reader cannot keep the old
     * ones cached past the commit.
     */
    @Transactional
    public void save(String tenant, RuleOverrides overrides) {
        String document;
        try {
            document = json.writeValueAsString(overrides);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the rules of " + tenant + ": " + e.getOriginalMessage(), e);
        }
        getEntityManager().createNativeQuery("INSERT INTO tenant_rules (tenant, rules, updated_at) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (tenant) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at")
                .setParameter(1, tenant).setParameter(2, document).setParameter(3, Instant.now()).executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                applied.invalidate(tenant).await().indefinitely();
            }
        });
    }

    private RuleOverrides read(String tenant, String document) {
        try {
            return json.readValue(document, RuleOverrides.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the rules of " + tenant + ": " + e.getOriginalMessage(), e);
        }
    }
}
