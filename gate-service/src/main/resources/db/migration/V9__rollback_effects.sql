-- Whether a rollback recommendation helped: the regressed metrics before against after the rollback (or the
-- recommendation, when no deployment followed it), once measured.
ALTER TABLE deployments ADD COLUMN effect text;
CREATE INDEX deployments_awaiting_effect ON deployments (decided_at)
    WHERE status = 'ROLLBACK_RECOMMENDED' AND effect IS NULL;
CREATE INDEX deployments_project_at ON deployments (project, environment, at);
