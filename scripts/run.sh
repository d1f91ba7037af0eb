#!/usr/bin/env bash
# The main job: one silo with the REST facade and admin UI, on a private local PostgreSQL that this
# script starts (scripts/pg-up.sh). Installs what is missing. Extra arguments go to the silo.
#   scripts/run.sh            # http://127.0.0.1:5080
#   scripts/run.sh --demo     # … and load demo warehouses, stock and 300 orders across channels
#   OA_PORT=6080 scripts/run.sh
#   scripts/run.sh --Access:ResetAdmin true   # lost admin.json: a new admin password and API key, written there again
source "$(dirname "$0")/lib.sh"
ensure_dotnet
PG_PORT="${OA_PG_PORT:-55432}"
HTTP_PORT="${OA_PORT:-5080}"
"$REPO_ROOT/scripts/pg-up.sh" >/dev/null
log "building the silo (Release)"
dotnet build "$REPO_ROOT/src/OrderActors.Silo" -c Release -nologo -v quiet >/dev/null
export OA_Silo__PostgresConnectionString="$(pg_connection_string "$PG_PORT" orderactors)"
export OA_Urls="http://127.0.0.1:$HTTP_PORT"
DATA_DIR="$REPO_ROOT/.data"
log "OrderActors silo on http://127.0.0.1:$HTTP_PORT  (health: /healthz, readiness: /readyz; Ctrl+C stops it)"
log "sign in as the admin whose password and API key are in $DATA_DIR/admin.json (written on the first start; mode 600)"
args=()
for arg in "$@"; do
  if [ "$arg" = "--demo" ]; then args+=(--Demo:Orders 300); else args+=("$arg"); fi
done
cd "$REPO_ROOT"
exec dotnet "$REPO_ROOT/src/OrderActors.Silo/bin/Release/net10.0/OrderActors.Silo.dll" --config silo-config/embedded.json \
  --Access:DataDirectory "$DATA_DIR" "${args[@]}"
