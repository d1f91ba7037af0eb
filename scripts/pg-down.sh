#!/usr/bin/env bash
# Stops the private development PostgreSQL started by scripts/pg-up.sh (the data stays in .data/pg).
source "$(dirname "$0")/lib.sh"
pg_stop "${OA_PG_DATA:-$REPO_ROOT/.data/pg}"
log "PostgreSQL stopped"
