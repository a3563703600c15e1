package com.wedsync.perf.gate.deploy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code project_webhooks}; the URL and the secret are ciphertext. */
@Entity
@Table(name = "project_webhooks")
public class ProjectWebhookRecord {

    @Id
    public String project;

    public String url;

    public String secret;
}
