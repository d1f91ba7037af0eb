#!/usr/bin/env bash
# Starts the private development PostgreSQL (data in .data/pg, port 55432 unless OA_PG_PORT says otherwise)
# and prints its connection string. Installs the server with apt-get when it is missing.
source "$(dirname "$0")/lib.sh"
PORT="${OA_PG_PORT:-55432}"
DATA="${OA_PG_DATA:-$REPO_ROOT/.data/pg}"
pg_start "$DATA" "$PORT"
pg_create_database "$PORT" orderactors
pg_connection_string "$PORT" orderactors
