package com.wedsync.perf.gate.project;

import com.wedsync.perf.gate.deploy.ProjectWebhooks;
import com.wedsync.perf.gate.github.GitHubStatuses;
import com.wedsync.perf.gate.hook.InboundHooks;
import com.wedsync.perf.service.secret.SecretBox;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * At start: the secrets key must be there, and every project secret stored before encryption (or under an older key)
 * is sealed under the current one — webhook URLs and secrets, GitHub tokens, inbound-hook secrets.
 */
@ApplicationScoped
public class StoredSecrets {

    void seal(@Observes StartupEvent started, AgroalDataSource db, SecretBox secrets) {
        secrets.currentKeyId();
        List.of(ProjectWebhooks.SECRET_COLUMNS, GitHubStatuses.SECRET_COLUMNS, InboundHooks.SECRET_COLUMNS)
                .forEach(columns -> columns.reseal(db, secrets));
    }
}
