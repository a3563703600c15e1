-- Each tenant's real-user minutes per release, route, device and metric (perf.arm-trends.v1): what canary verdicts
-- compare, the new release against the old one running at the same time. Kept two days.
CREATE TABLE release_minutes (
    tenant        text        NOT NULL,
    release       text        NOT NULL,
    route         text        NOT NULL,
    device        text        NOT NULL,
    metric        text        NOT NULL,
    window_start  timestamptz NOT NULL,
    samples       bigint      NOT NULL,
    sketch        text        NOT NULL,
    PRIMARY KEY (tenant, window_start, release, route, device, metric)
);
