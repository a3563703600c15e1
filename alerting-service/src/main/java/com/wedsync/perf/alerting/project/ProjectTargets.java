package com.wedsync.perf.alerting.project;

import com.wedsync.perf.service.secret.SecretBox;
import com.wedsync.perf.service.secret.SecretColumns;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A CI project's Slack incoming webhook ({@code project_targets}): a secret, sealed at rest, never shown. */
@ApplicationScoped
public class ProjectTargets {

    public static final SecretColumns SECRET_COLUMNS = new SecretColumns("project_targets", "project", List.of("slack_webhook"));

    private final AgroalDataSource db;
    private final EntityManager entities;
    private final SecretBox secrets;

    public ProjectTargets(AgroalDataSource db, EntityManager entities, SecretBox secrets) {
        this.db = db;
        this.entities = entities;
        this.secrets = secrets;
    }

    void sealStoredSecrets(@Observes StartupEvent started) {
        SECRET_COLUMNS.reseal(db, secrets);
    }

    @Transactional
    public Optional<String> slackOf(String project) {
        List<?> rows = entities.createNativeQuery("SELECT slack_webhook FROM project_targets WHERE project = ?1")
                .setParameter(1, project).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty()
                : Optional.ofNullable(secrets.open((String) rows.get(0), SECRET_COLUMNS.context("slack_webhook", project)));
    }

    /** Sets (or, with null, removes) the project's Slack webhook. */
    @Transactional
    public void save(String project, String slackWebhook) {
        entities.createNativeQuery("INSERT INTO project_targets (project, slack_webhook, updated_at) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (project) DO UPDATE SET slack_webhook = excluded.slack_webhook, "
                        + "updated_at = excluded.updated_at")
                .setParameter(1, project)
                .setParameter(2, secrets.seal(slackWebhook, SECRET_COLUMNS.context("slack_webhook", project)))
                .setParameter(3, Instant.now()).executeUpdate();
    }
}
