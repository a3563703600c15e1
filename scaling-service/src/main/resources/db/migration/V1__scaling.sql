-- Load per tenant and minute (from perf.trends.v1), forecasts (the spec's scaling_prediction_sets) with their hours,
-- recommendations with their outcome, and emergencies raised by critical wedding-day alerts.
CREATE TABLE load_minutes (
    tenant   text        NOT NULL,
    series   text        NOT NULL,
    minute   timestamptz NOT NULL,
    load     bigint      NOT NULL,
    PRIMARY KEY (tenant, minute, series)
);
CREATE INDEX load_minutes_minute ON load_minutes (minute);

CREATE TABLE scaling_prediction_sets (
    id            uuid PRIMARY KEY,
    tenant        text        NOT NULL,
    generated_at  timestamptz NOT NULL,
    first_hour    timestamptz NOT NULL,
    hours         int         NOT NULL,
    basis         text        NOT NULL,
    inputs_digest text        NOT NULL
);
CREATE INDEX scaling_prediction_sets_latest ON scaling_prediction_sets (tenant, generated_at DESC);

CREATE TABLE scaling_predictions (
    set_id        uuid             NOT NULL REFERENCES scaling_prediction_sets (id) ON DELETE CASCADE,
    tenant        text             NOT NULL,
    hour          timestamptz      NOT NULL,
    horizon       int              NOT NULL,
    forecast      double precision NOT NULL,
    baseline      double precision NOT NULL,
    wedding_load  double precision NOT NULL,
    weddings      int              NOT NULL,
    guests        int              NOT NULL,
    PRIMARY KEY (set_id, hour)
);
CREATE INDEX scaling_predictions_hour ON scaling_predictions (tenant, hour);

CREATE TABLE scaling_recommendations (
    id                  uuid PRIMARY KEY,
    set_id              uuid             NOT NULL REFERENCES scaling_prediction_sets (id) ON DELETE CASCADE,
    tenant              text             NOT NULL,
    generated_at        timestamptz      NOT NULL,
    effective_from      timestamptz      NOT NULL,
    effective_until     timestamptz      NOT NULL,
    instances           int              NOT NULL,
    db_connections      int              NOT NULL,
    cache_mb            int              NOT NULL,
    load_ratio          double precision NOT NULL,
    monitoring_interval int              NOT NULL,
    emergency           boolean          NOT NULL,
    reason              text             NOT NULL,
    published_at        timestamptz,
    superseded_at       timestamptz,
    actual_peak         double precision,
    outcome             text
);
CREATE INDEX scaling_recommendations_tenant ON scaling_recommendations (tenant, effective_from);
CREATE INDEX scaling_recommendations_unpublished ON scaling_recommendations (generated_at) WHERE published_at IS NULL;

CREATE TABLE emergencies (
    alert_id    text PRIMARY KEY,
    tenant      text        NOT NULL,
    wedding_id  text,
    summary     text        NOT NULL,
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz
);
CREATE INDEX emergencies_active ON emergencies (tenant) WHERE ended_at IS NULL;
