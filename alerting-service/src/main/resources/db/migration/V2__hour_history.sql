-- Closed hours of each series with their sketches: the regression rule merges the same hour of the previous 7 days.
CREATE TABLE hour_points (
    series        text        NOT NULL,
    window_start  timestamptz NOT NULL,
    sample_count  bigint      NOT NULL,
    sketch        text        NOT NULL,
    PRIMARY KEY (series, window_start)
);
CREATE INDEX hour_points_age ON hour_points (window_start);
