#!/usr/bin/env bash
# Runs once, when PostgreSQL initialises its data volume: one database and one user per GovChain
# service, each user owning its database only and the database closed to everyone else. The
# passwords are compose secrets (/run/secrets/db/<service>), never in the compose file.
set -euo pipefail

for service in seal ssc accounting; do
  secret="/run/secrets/db/$service"
  if [ ! -s "$secret" ]; then
    echo "govchain init: $secret is missing or empty (run ./govchain operator secrets)" >&2
    exit 1
  fi
  echo "govchain init: database and user '$service'"
  # psql variables, quoted by psql itself (:"name" an identifier, :'password' a literal)
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$service" -v password="$(cat "$secret")" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name" ENCODING 'UTF8';
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
