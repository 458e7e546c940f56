#!/usr/bin/env bash
# Creates the owner role and one database per subgraph, so no service can read
# another's tables and each runs its own migrations. The postgres image runs this
# only on an empty data directory; it is still safe to re-run by hand (for example
# after adding a service) because every step checks before it creates.
#
# Environment (set on the postgres container by docker-compose.yml):
#   RAPPORT_DB_OWNER     role the services connect as (default: rapport)
#   RAPPORT_DB_PASSWORD  its password (required)
set -euo pipefail

owner="${RAPPORT_DB_OWNER:-rapport}"
password="${RAPPORT_DB_PASSWORD:?set RAPPORT_DB_PASSWORD}"

# Must match the database names in the services' DATABASE_URLs (infra/test checks this).
databases=(rapport_contacts rapport_sales_pipeline rapport_support rapport_analytics)

run_psql() {
  psql --no-psqlrc --set ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    --set owner="$owner" --set password="$password" "$@"
}

# Values go through psql variables and format(%I/%L) so names and passwords are quoted by Postgres.
run_psql <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'owner', :'password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner')
\gexec
-- Re-running with a new password rotates it rather than silently keeping the old one.
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'owner', :'password')
\gexec
-- The services run as rapport_app, under row-level security: not an owner, no BYPASSRLS,
-- no login (the owner's connections switch to it). The owner migrates and may read across
-- tenants for maintenance, so it bypasses the policies (FORCE would otherwise bind it too).
SELECT 'CREATE ROLE rapport_app NOLOGIN NOBYPASSRLS'
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_app')
\gexec
SELECT format('GRANT rapport_app TO %I', :'owner')
\gexec
SELECT format('ALTER ROLE %I BYPASSRLS', :'owner')
\gexec
SQL

for database in "${databases[@]}"; do
  run_psql --set database="$database" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'owner')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database')
\gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'database', :'owner')
\gexec
-- Other roles (including other services, should they get their own) cannot connect.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database')
\gexec
SQL
done
