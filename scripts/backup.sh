#!/usr/bin/env bash
# Backs up every service schema of the platform database into one pg_dump archive (custom format).
#
#   DATABASE_URL=postgres://user:password@host:5432/tic scripts/backup.sh tic-2027-05-01.dump
#
# pg_dump reads all the schemas in one repeatable-read transaction: the archive is one consistent
# snapshot of every service's tables and journal, taken while the services keep running. The archive
# is written aside and checked (pg_restore --list) before it takes the name asked for.
# TIC_SCHEMAS overrides the schemas (default: every service's).
set -euo pipefail

usage="usage: DATABASE_URL=postgres://… $0 <archive.dump>"
target=${1:?$usage}
: "${DATABASE_URL:?$usage}"
schemas=${TIC_SCHEMAS:-applications personnel evaluations funding notifications}

args=()
for schema in $schemas; do args+=("--schema=$schema"); done

partial="$target.partial"
trap 'rm -f "$partial"' EXIT
# --strict-names: a schema missing from the database is an error, not a smaller backup.
pg_dump --format=custom --strict-names "${args[@]}" --file="$partial" --dbname="$DATABASE_URL"
# The archive must read back whole before it takes the backup's name: a truncated file (a full disk)
# fails here rather than being kept as a backup.
listing=$(pg_restore --list "$partial")
entries=$(grep -c ' TABLE DATA ' <<<"$listing" || true)
if [[ "$entries" -eq 0 ]]; then
  echo "refused: $partial holds no table data; no backup was written" >&2
  exit 1
fi
mv "$partial" "$target"
trap - EXIT
echo "backed up schemas ($schemas) to $target: $entries tables, $(wc -c <"$target") bytes"
