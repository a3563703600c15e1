-- Where a CI project's gate decisions and rollback recommendations go: its Slack incoming webhook (sealed like the
-- tenants' targets). Projects live in the gate; only their delivery lives here, with the alerts' delivery guarantees.
CREATE TABLE project_targets (
    project        text PRIMARY KEY,
    slack_webhook  text,
    updated_at     timestamptz NOT NULL
);
