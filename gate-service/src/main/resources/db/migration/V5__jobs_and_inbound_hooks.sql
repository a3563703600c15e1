-- Validations of large payloads, decided in the background and polled; inbound webhooks (HMAC-signed) per project.
CREATE TABLE validation_jobs (
    id            uuid PRIMARY KEY,
    project       text        NOT NULL REFERENCES projects (id),
    build_id      text        NOT NULL,
    environment   text        NOT NULL,
    git_sha       text        NOT NULL,
    branch        text        NOT NULL,
    status        text        NOT NULL,
    caller_project text,
    caller_role   text        NOT NULL,
    caller_name   text        NOT NULL,
    payload       bytea,
    payload_bytes bigint      NOT NULL,
    error         text,
    detail        text,
    attempts      int         NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz,
    UNIQUE (project, build_id)
);
CREATE INDEX validation_jobs_waiting ON validation_jobs (created_at) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE inbound_hooks (
    project     text PRIMARY KEY REFERENCES projects (id),
    secret      text        NOT NULL,
    tenants     text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE inbound_deliveries (
    project      text        NOT NULL REFERENCES projects (id),
    delivery_id  text        NOT NULL,
    received_at  timestamptz NOT NULL,
    outcome      text        NOT NULL,
    PRIMARY KEY (project, delivery_id)
);
