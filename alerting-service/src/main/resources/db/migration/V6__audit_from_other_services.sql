-- The audit log also keeps what services without a database publish on perf.audit.v1 (ingest: tenants and tokens).
ALTER TABLE audit_log ADD COLUMN service text NOT NULL DEFAULT 'alerting-service';
-- A replayed perf.audit.v1 record is stored once.
ALTER TABLE audit_log ADD COLUMN event_id text UNIQUE;
