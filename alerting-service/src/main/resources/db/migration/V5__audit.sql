-- Every change by a person or a token: who, what, when, before and after (secrets masked). Kept 400 days.
CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    tenant      text,
    action      text        NOT NULL,
    subject     text,
    before      text,
    after       text
);
CREATE INDEX audit_log_tenant ON audit_log (tenant, id DESC);
