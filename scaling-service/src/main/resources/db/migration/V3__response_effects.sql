-- Each operation's closed minutes, kept a day: what an automated response is measured by, before and after it.
CREATE TABLE operation_minutes (
    tenant     text             NOT NULL,
    operation  text             NOT NULL,
    minute     timestamptz      NOT NULL,
    requests   bigint           NOT NULL,
    good       bigint           NOT NULL,
    p95        double precision NOT NULL,
    PRIMARY KEY (tenant, operation, minute)
);
CREATE INDEX operation_minutes_age ON operation_minutes (minute);

-- What the emergency's alert was about (an operation, or a page metric), and its measured effect once known.
ALTER TABLE emergencies ADD COLUMN metric text;
ALTER TABLE emergencies ADD COLUMN effect text;
