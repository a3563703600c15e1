-- A silence made with a tenant's token never matches an alert that token may not see (interference alerts).
ALTER TABLE silences ADD COLUMN by_tenant boolean NOT NULL DEFAULT false;
