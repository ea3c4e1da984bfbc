#!/usr/bin/env bash
# Restores an archive of scripts/backup.sh into a fresh (empty) database, in one transaction.
#
#   createdb -h host -U user tic_restored
#   DATABASE_URL=postgres://user:password@host:5432/tic_restored scripts/restore.sh tic-2027-05-01.dump
#
# Refuses a database that already holds any of the archive's schemas: a restore never merges into
# live data. Objects are owned by the user restoring (--no-owner), the user the services connect as.
# Afterwards: start NATS with an empty TIC_EVENTS and rebuild it from the journals (README "Backup
# and restore"); this prints what each journal holds, to compare with the rebuild's figures.
set -euo pipefail

usage="usage: DATABASE_URL=postgres://…/<empty database> $0 <archive.dump>"
archive=${1:?$usage}
: "${DATABASE_URL:?$usage}"
[[ -r "$archive" ]] || { echo "cannot read $archive" >&2; exit 2; }

schemas=$(pg_restore --list "$archive" | awk '$4 == "SCHEMA" { print $6 }' | sort -u)
[[ -n "$schemas" ]] || { echo "$archive holds no schema: not an archive of scripts/backup.sh" >&2; exit 2; }
# The names are built into SQL below: only the plain names the platform's schemas have are accepted.
for schema in $schemas; do
  [[ "$schema" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "refused: $archive names a schema '$schema' that is not a plain name" >&2; exit 2; }
done
quoted=$(printf "'%s'," $schemas)
present=$(psql --no-psqlrc -Atq --dbname="$DATABASE_URL" \
  -c "select string_agg(nspname, ' ') from pg_namespace where nspname in (${quoted%,})")
if [[ -n "$present" ]]; then
  echo "refused: the database already has schema(s) $present; restore into a new, empty database" >&2
  exit 1
fi

pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$DATABASE_URL" "$archive"

echo "restored schemas: $(echo $schemas)"
for schema in $schemas; do
  has_journal=$(psql --no-psqlrc -Atq --dbname="$DATABASE_URL" -c "select to_regclass('\"$schema\".outbox_event') is not null")
  [[ "$has_journal" == t ]] || continue
  psql --no-psqlrc -Atq -F ' ' --dbname="$DATABASE_URL" \
    -c "select '$schema journal:', count(*), 'events,', count(position), 'published, positions up to', coalesce(max(position), 0) from \"$schema\".outbox_event"
done
# Positions after these were handed out by the lost database and will be handed out again: readers of
# GET /api/v1/events/journal and GET /api/v1/events resume from a cursor at or below them.
feed=$(psql --no-psqlrc -Atq --dbname="$DATABASE_URL" -c "select to_regclass('notifications.feed_event') is not null")
if [[ "$feed" == t ]]; then
  psql --no-psqlrc -Atq -F ' ' --dbname="$DATABASE_URL" \
    -c "select 'notifications feed:', count(*), 'events, positions up to', coalesce(max(position), 0) from notifications.feed_event"
fi
