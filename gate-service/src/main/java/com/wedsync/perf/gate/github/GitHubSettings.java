package com.wedsync.perf.gate.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The {@code project_github} table. */
@ApplicationScoped
public class GitHubSettings {

    private final EntityManager entities;

    public GitHubSettings(EntityManager entities) {
        this.entities = entities;
    }

    /** Replaces the project's settings (an upsert); {@code sealedToken} is already encrypted. */
    @Transactional
    public void save(String project, String apiUrl, String repository, String sealedToken) {
        entities.createNativeQuery("INSERT INTO project_github (project, api_url, repository, token) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT (project) DO UPDATE SET api_url = excluded.api_url, repository = excluded.repository, "
                        + "token = excluded.token")
                .setParameter(1, project).setParameter(2, apiUrl).setParameter(3, repository).setParameter(4, sealedToken)
                .executeUpdate();
    }

    @Transactional
    public Optional<ProjectGitHubRecord> of(String project) {
        return Optional.ofNullable(entities.find(ProjectGitHubRecord.class, project));
    }
}
