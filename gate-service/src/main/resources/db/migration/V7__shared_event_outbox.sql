-- gate_events becomes the outbox table every service shares (db/outbox/R__event_outbox.sql in service-support).
ALTER TABLE gate_events RENAME TO event_outbox;
ALTER INDEX gate_events_pending RENAME TO event_outbox_pending;
ALTER TABLE event_outbox ADD COLUMN dedup_key text UNIQUE;
