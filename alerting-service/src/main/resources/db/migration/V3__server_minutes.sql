-- Per tenant, operation and minute: requests, failed ones and ones slower than the tenant's latency objective.
-- The SLO burn-rate rule sums them over 5 minutes to 3 days.
CREATE TABLE server_minutes (
    tenant        text        NOT NULL,
    operation     text        NOT NULL,
    window_start  timestamptz NOT NULL,
    requests      bigint      NOT NULL,
    errors        bigint      NOT NULL,
    slow          bigint      NOT NULL,
    PRIMARY KEY (tenant, window_start, operation)
);
CREATE INDEX server_minutes_age ON server_minutes (window_start);
