#!/usr/bin/env bash
# Three silo processes on this machine forming one cluster over the private PostgreSQL
# (silo-config/cluster-silo{1,2,3}.json). Logs and pids go to .cluster/. The silos share one database, so one
# bootstrap admin, and one access data directory (.cluster: the token signing key all three sign and check with, and
# the admin.json the first start writes; apart from scripts/run.sh's .data, whose admin.json it would overwrite).
# Prints one line per silo and where admin.json is:
#   silo: http://127.0.0.1:5081
#   admin: /…/.cluster/admin.json
source "$(dirname "$0")/lib.sh"
ensure_dotnet
PG_PORT="${OA_PG_PORT:-55432}"
STATE="$REPO_ROOT/.cluster"
mkdir -p "$STATE"
"$REPO_ROOT/scripts/pg-up.sh" >/dev/null
pg_create_database "$PG_PORT" orderactors_cluster
log "building the silo (Release)"
dotnet build "$REPO_ROOT/src/OrderActors.Silo" -c Release -nologo -v quiet >/dev/null
export OA_Silo__PostgresConnectionString="$(pg_connection_string "$PG_PORT" orderactors_cluster)"
cd "$REPO_ROOT"
for n in 1 2 3; do
  if [ -f "$STATE/silo-$n.pid" ] && kill -0 "$(cat "$STATE/silo-$n.pid")" 2>/dev/null; then
    log "silo-$n already running (pid $(cat "$STATE/silo-$n.pid"))"
    continue
  fi
  nohup dotnet "$REPO_ROOT/src/OrderActors.Silo/bin/Release/net10.0/OrderActors.Silo.dll" \
    --config "silo-config/cluster-silo$n.json" --Access:DataDirectory "$STATE" > "$STATE/silo-$n.log" 2>&1 &
  echo $! > "$STATE/silo-$n.pid"
done
for n in 1 2 3; do
  url="http://127.0.0.1:508$n"
  for _ in $(seq 1 120); do
    curl -fsS "$url/readyz" >/dev/null 2>&1 && break
    kill -0 "$(cat "$STATE/silo-$n.pid")" 2>/dev/null || { log "silo-$n exited: see $STATE/silo-$n.log"; tail -20 "$STATE/silo-$n.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -fsS "$url/readyz" >/dev/null 2>&1 || { log "silo-$n is not ready: see $STATE/silo-$n.log"; exit 1; }
done
for n in 1 2 3; do echo "silo: http://127.0.0.1:508$n"; done
if [ -f "$STATE/admin.json" ]; then
  echo "admin: $STATE/admin.json"
else
  log "no $STATE/admin.json: the cluster's database already had users when this directory had none (see .cluster/silo-*.log)"
fi
