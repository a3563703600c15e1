package com.wedsync.perf.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wedsync.perf.alerting.rules.RuleOverrides;
import com.wedsync.perf.alerting.rules.RuleStore;
import com.wedsync.perf.alerting.rules.TenantRules;
import com.wedsync.perf.localstack.LocalStackTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The intake's copy of a tenant's rules ({@link TenantRules#of}) follows a change saved through this instance as soon
 * as it commits, and keeps the old rules when the change rolls back.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE_ARG, value = "alerting"))
class RulesCacheTest {

    @Inject
    TenantRules rules;

    @Inject
    RuleStore store;

    @Test
    void shouldApplyACommittedChangeAtOnceAndARolledBackOneNever() {
        String tenant = "rules-cache-" + UUID.randomUUID();
        assertThat(rules.of(tenant).forDuration()).as("the default, now cached").isEqualTo(Duration.ofMinutes(5));

        AlertApi.rules(tenant, Map.of("forSeconds", 120));
        assertThat(rules.of(tenant).forDuration()).as("saved through the API").isEqualTo(Duration.ofSeconds(120));

        String rolledBack = "rules-cache-" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            store.save(rolledBack, new RuleOverrides(600, null, null, null, null, null));
            assertThat(rules.of(rolledBack).forDuration()).as("read inside the saving transaction, and cached")
                    .isEqualTo(Duration.ofSeconds(600));
            throw new IllegalStateException("the audit entry could not be written");
        })).hasMessageContaining("audit entry");
        assertThat(rules.of(rolledBack).forDuration()).as("the rolled-back change is forgotten with its transaction")
                .isEqualTo(Duration.ofMinutes(5));
    }
}
