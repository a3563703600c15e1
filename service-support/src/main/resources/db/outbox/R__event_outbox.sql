-- The transactional outbox (service-support's EventOutbox / OutboxRelay): an event is written in the transaction of the
-- change it announces and published afterwards, in id order, at least once. dedup_key makes a repeated write a no-op.
-- Repeatable and idempotent, so every service with a database shares this one definition.
CREATE TABLE IF NOT EXISTS event_outbox (
    id            bigserial PRIMARY KEY,
    topic         text        NOT NULL,
    event_key     text        NOT NULL,
    payload       bytea       NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz,
    dedup_key     text        UNIQUE
);
CREATE INDEX IF NOT EXISTS event_outbox_pending ON event_outbox (id) WHERE published_at IS NULL;
