-- The alert lifecycle (the spec's performance_alerts), its history, silences, tenants' rules and notification
-- targets, the delivery outbox and the Kafka offsets already applied (so a replayed record changes nothing).

CREATE TABLE performance_alerts (
    id                uuid PRIMARY KEY,
    fingerprint       text        NOT NULL,
    type              text        NOT NULL,
    severity          text        NOT NULL,
    state             text        NOT NULL,
    tenant            text        NOT NULL,
    route             text,
    metric            text,
    threshold         double precision,
    actual_value      double precision,
    affected_users    bigint      NOT NULL DEFAULT 0,
    window_start      timestamptz,
    window_end        timestamptz,
    wedding_id        text,
    summary           text        NOT NULL,
    silenced_by       uuid,
    acknowledged_by   text,
    acknowledged_at   timestamptz,
    resolution_notes  text,
    resolved_at       timestamptz,
    fired_at          timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    -- the condition behind the alert: since when it held, since when it has been clear, the newest window seen
    breach_since      timestamptz,
    clear_since       timestamptz,
    last_window_end   timestamptz
);
-- One open alert per fingerprint.
CREATE UNIQUE INDEX performance_alerts_open ON performance_alerts (fingerprint) WHERE state <> 'RESOLVED';
CREATE INDEX performance_alerts_tenant ON performance_alerts (tenant, created_at DESC);

CREATE TABLE alert_history (
    id          bigserial PRIMARY KEY,
    alert_id    uuid        NOT NULL REFERENCES performance_alerts (id),
    state       text        NOT NULL,
    severity    text        NOT NULL,
    actor       text,
    note        text,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX alert_history_alert ON alert_history (alert_id, id);

CREATE TABLE silences (
    id          uuid PRIMARY KEY,
    tenant      text,
    route       text,
    metric      text,
    type        text,
    severity    text,
    until       timestamptz NOT NULL,
    created_by  text        NOT NULL,
    comment     text,
    created_at  timestamptz NOT NULL
);

CREATE TABLE tenant_rules (
    tenant      text PRIMARY KEY,
    rules       text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE notification_targets (
    tenant          text PRIMARY KEY,
    slack_webhook   text,
    webhook_url     text,
    webhook_secret  text,
    updated_at      timestamptz NOT NULL
);

-- Written in the same transaction as the state change it announces; sent in id order per destination.
CREATE TABLE outbox (
    id          bigserial PRIMARY KEY,
    alert_id    uuid        NOT NULL,
    destination text        NOT NULL,
    payload     text        NOT NULL,
    dedup_key   text        NOT NULL UNIQUE,
    state       text        NOT NULL DEFAULT 'PENDING',
    attempts    int         NOT NULL DEFAULT 0,
    last_error  text,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz
);
CREATE INDEX outbox_pending ON outbox (destination, id) WHERE state = 'PENDING';

-- One row per destination: when it may be sent to next (pacing, Retry-After, back-off). Locked while sending.
CREATE TABLE delivery_lanes (
    destination          text PRIMARY KEY,
    next_attempt_at      timestamptz NOT NULL,
    consecutive_failures int         NOT NULL DEFAULT 0
);

CREATE TABLE processed_offsets (
    topic        text NOT NULL,
    partition    int  NOT NULL,
    next_offset  bigint NOT NULL,
    PRIMARY KEY (topic, partition)
);
