-- Recommendations are published through the shared outbox (event_outbox) in the transaction that stores them.
DROP INDEX scaling_recommendations_unpublished;
ALTER TABLE scaling_recommendations DROP COLUMN published_at;
