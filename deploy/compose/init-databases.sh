#!/bin/sh
# Each service owns its database and logs in as its own role, never as the superuser: a service's credentials open
# its own database and nothing else. Run once by the postgres image when its volume is created; the passwords come
# from the postgres service's environment (ALERTING_DB_PASSWORD, SCALING_DB_PASSWORD, GATE_DB_PASSWORD).
set -eu
for service in alerting scaling gate; do
  password=$(printenv "$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD")
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$service" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
