-- Events for Kafka, written in the transaction of the decision they announce and published afterwards (at least once).
CREATE TABLE gate_events (
    id            bigserial PRIMARY KEY,
    topic         text        NOT NULL,
    event_key     text        NOT NULL,
    payload       bytea       NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz
);
CREATE INDEX gate_events_pending ON gate_events (id) WHERE published_at IS NULL;
