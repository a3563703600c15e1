-- Where a project's commit statuses go: the GitHub API (api.github.com or an Enterprise server), owner/repo, a token.
CREATE TABLE project_github (
    project     text PRIMARY KEY REFERENCES projects (id),
    api_url     text NOT NULL,
    repository  text NOT NULL,
    token       text NOT NULL
);
