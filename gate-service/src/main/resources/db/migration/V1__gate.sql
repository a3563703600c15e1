-- Projects and their CI tokens (hashed, rotatable), budgets (versioned), validations, pinned baselines, the audit log.

CREATE TABLE projects (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE project_tokens (
    token_hash  text PRIMARY KEY,
    project     text        NOT NULL REFERENCES projects (id),
    role        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

CREATE TABLE budgets (
    project      text        NOT NULL REFERENCES projects (id),
    environment  text        NOT NULL,
    version      int         NOT NULL,
    budget       text        NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (project, environment, version)
);

CREATE TABLE validations (
    id                uuid PRIMARY KEY,
    project           text        NOT NULL REFERENCES projects (id),
    build_id          text        NOT NULL,
    environment       text        NOT NULL,
    git_sha           text        NOT NULL,
    branch            text        NOT NULL,
    base_branch       text,
    ancestor_sha      text,
    status            text        NOT NULL,
    budget_version    int         NOT NULL,
    baseline_id       uuid,
    result            text        NOT NULL,
    runs              text        NOT NULL,
    created_at        timestamptz NOT NULL,
    UNIQUE (project, build_id)
);
CREATE INDEX validations_branch ON validations (project, branch, environment, created_at DESC);
CREATE INDEX validations_sha ON validations (project, git_sha);

CREATE TABLE pinned_baselines (
    project      text        NOT NULL REFERENCES projects (id),
    branch       text        NOT NULL,
    environment  text        NOT NULL,
    validation_id uuid       NOT NULL REFERENCES validations (id),
    pinned_by    text        NOT NULL,
    pinned_at    timestamptz NOT NULL,
    PRIMARY KEY (project, branch, environment)
);

CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    project     text,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    subject     text,
    inputs_sha256 text,
    outcome     text,
    at          timestamptz NOT NULL
);
CREATE INDEX audit_log_project ON audit_log (project, id DESC);
