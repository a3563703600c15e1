package com.wedsync.perf.gate.github;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code project_github}: where a project's commit statuses go; the token is ciphertext. */
@Entity
@Table(name = "project_github")
public class ProjectGitHubRecord {

    @Id
    public String project;

    @Column(name = "api_url")
    public String apiUrl;

    public String repository;

    public String token;
}
