#!/usr/bin/env bash
# The compose test's PostgreSQL: initialises PGDATA on the first start (superuser POSTGRES_USER
# with the password in POSTGRES_PASSWORD_FILE, scram-sha-256 for every network client), runs the
# init scripts once, then runs the server in the foreground as user postgres.
set -euo pipefail
user="${POSTGRES_USER:-postgres}"
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" && chown -R postgres:postgres "$PGDATA" && chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  password=$(cat "${POSTGRES_PASSWORD_FILE:?POSTGRES_PASSWORD_FILE is not set}")
  initdb --username="$user" --pwfile=<(printf '%s' "$password") --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 -D "$PGDATA" > /dev/null
  printf "listen_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
  printf "host all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n" \
    >> "$PGDATA/pg_hba.conf"
  # the init scripts run against a server that listens on the socket only
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start > /dev/null
  for script in /docker-entrypoint-initdb.d/*; do
    case "$script" in
      *.sh) echo "running $script"; POSTGRES_USER="$user" bash "$script" ;;
      *.sql) echo "running $script"; psql -v ON_ERROR_STOP=1 --username "$user" -d postgres -f "$script" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop > /dev/null
fi
exec postgres -D "$PGDATA"
