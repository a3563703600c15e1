-- The tenants ops bound to a project: the only tenants whose real users its deployments may be judged by.
CREATE TABLE project_tenants (
    project     text        NOT NULL REFERENCES projects (id),
    tenant      text        NOT NULL,
    bound_at    timestamptz NOT NULL,
    PRIMARY KEY (project, tenant)
);
