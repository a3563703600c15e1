-- Deployments and their post-deploy verdicts; the tenants' RUM p75 per minute they are judged by; project webhooks.
CREATE TABLE deployments (
    id           uuid PRIMARY KEY,
    project      text        NOT NULL REFERENCES projects (id),
    environment  text        NOT NULL,
    version      text        NOT NULL,
    git_sha      text        NOT NULL,
    build_id     text,
    tenants      text        NOT NULL,
    at           timestamptz NOT NULL,
    status       text        NOT NULL,
    reason       text,
    evidence     text,
    webhook      text,
    decided_at   timestamptz
);
CREATE INDEX deployments_watching ON deployments (at) WHERE status = 'DEPLOYED';

CREATE TABLE trend_minutes (
    tenant        text             NOT NULL,
    metric        text             NOT NULL,
    window_start  timestamptz      NOT NULL,
    samples       bigint           NOT NULL,
    p75           double precision NOT NULL,
    PRIMARY KEY (tenant, metric, window_start)
);

CREATE TABLE project_webhooks (
    project  text PRIMARY KEY REFERENCES projects (id),
    url      text NOT NULL,
    secret   text NOT NULL
);
