#!/usr/bin/env bash
# Time the national synthetic dataset (one year) into a fresh PostgreSQL database.
# Usage: bench/seed_national.sh [database name] [extra `sot seed` options...]
# Needs a local PostgreSQL that trusts the postgres user on 127.0.0.1:5432 (as on CI machines).
# The figure goes into BENCHMARKS.md; the machine's load must be otherwise idle.
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-sot_bench}"
shift || true
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db"
dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
createdb -h 127.0.0.1 -U postgres "$db"
.venv/bin/sot migrate -v0
echo "== $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "== sot seed --scale national --years 1 --seed 1 $*"
time .venv/bin/sot seed --scale national --years 1 --seed 1 "$@"
psql -h 127.0.0.1 -U postgres -d "$db" -Atc "SELECT pg_size_pretty(pg_database_size('$db'))" |
  sed 's/^/== database size: /'
