#!/usr/bin/env bash
# The load test (src/OrderActors.LoadTest): a +300 % spike through the REST facade with a correctness audit, and
# the naive SQL baseline driven with the same traffic in the same run. Writes loadtest-report/report.{json,md,html}.
#   scripts/loadtest.sh              # full: 10 s warm-up, then 50 → 200 → 50 orders/s for 1 min each (~8 min)
#   scripts/loadtest.sh --quick      # the same shape scaled down: under 3 minutes, baseline included
#   scripts/loadtest.sh --server http://127.0.0.1:5081 --server http://127.0.0.1:5082 \
#       --server http://127.0.0.1:5083 --kill-silo .cluster/silo-2.pid \
#       --admin-file .cluster/admin.json                                    # against scripts/cluster-up.sh
# Without --server it starts its own silo like scripts/run.sh on port 5090, with a database of its own
# (orderactors_loadtest, dropped and recreated every run) on the PostgreSQL answering on port 55432 (started with
# scripts/pg-up.sh when none does) and an access data directory of its own (.data/loadtest, wiped every run: the
# fresh database's bootstrap writes admin.json there, which the load test gets as --admin-file), watches that
# database's pg_stat_activity (--watch-pg) and stops the silo at the end. With --server the admin credential is
# --admin-token or --admin-file if given, else ORDERACTORS_TOKEN, else .data/admin.json (scripts/run.sh's silo);
# the load test creates its own API keys with it and revokes them at the end. The naive baseline uses the same
# PostgreSQL server (schema naive_baseline). The breaker of WH-SH is tripped half way through the spike unless
# --trip-at or --no-trip is given; --no-baseline skips the baseline; every other argument goes to the load test
# (dotnet run --project src/OrderActors.LoadTest -- --help). Exit code: 0 audit passed, 1 audit failed, 2 the hub
# could not be set up or reached (or no admin credential).
source "$(dirname "$0")/lib.sh"
ensure_dotnet
ensure_postgres
PG_PORT="${OA_PG_PORT:-55432}"
HTTP_PORT="${OA_LOADTEST_PORT:-5090}"
DATABASE=orderactors_loadtest

own_silo=1; baseline=1; user_baseline=0; user_pg=0; user_admin=0; quick=0; trip=1; pass=()
for arg in "$@"; do
  case "$arg" in
    --admin-token|--admin-token=*|--admin-file|--admin-file=*) user_admin=1 ;;
    --no-baseline) baseline=0; continue ;;
    --no-trip) trip=0; continue ;;
    --server|--server=*) own_silo=0 ;;
    --baseline) user_baseline=1 ;;
    --baseline-pg|--baseline-pg=*) user_pg=1 ;;
    --trip-at|--trip-at=*) trip=0 ;;
    --quick) quick=1 ;;
  esac
  pass+=("$arg")
done

if [ "$own_silo" = 1 ] && [ "$user_admin" = 1 ]; then
  log "--admin-token and --admin-file go with --server: the script's own silo writes the admin.json the load test uses"
  exit 2
fi
extra=()
if [ "$own_silo" = 0 ] && [ "$user_admin" = 0 ] && [ -z "${ORDERACTORS_TOKEN:-}" ]; then
  if [ ! -f "$REPO_ROOT/.data/admin.json" ]; then
    log "no admin credential for --server: give --admin-file PATH (scripts/cluster-up.sh prints where its admin.json is;"
    log "scripts/run.sh's silo writes .data/admin.json), --admin-token TOKEN, or set ORDERACTORS_TOKEN"
    exit 2
  fi
  extra+=(--admin-file "$REPO_ROOT/.data/admin.json")
fi

# A PostgreSQL already answering on the port (another worktree's private server) is used as it is: starting a second
# one on the same port would fail.
if ! "$(pg_bindir)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
  OA_PG_PORT="$PG_PORT" "$REPO_ROOT/scripts/pg-up.sh" >/dev/null
fi
PGOPTIONS="--client-min-messages=warning" pg_user_run "$(pg_bindir)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" >/dev/null
pg_create_database "$PG_PORT" "$DATABASE"
CONNECTION="$(pg_connection_string "$PG_PORT" "$DATABASE")"

log "building the load test (Release)"
dotnet build "$REPO_ROOT/src/OrderActors.LoadTest" -c Release -nologo -v quiet >/dev/null

if [ "$own_silo" = 1 ]; then
  log "building the silo (Release)"
  dotnet build "$REPO_ROOT/src/OrderActors.Silo" -c Release -nologo -v quiet >/dev/null
  # Its database is new, so is its bootstrap admin: nothing of an earlier run's admin.json or signing key may stay.
  ACCESS_DIR="$REPO_ROOT/.data/loadtest"
  rm -rf "$ACCESS_DIR"
  mkdir -p "$ACCESS_DIR"
  SILO_LOG="$REPO_ROOT/.data/loadtest-silo.log"
  (cd "$REPO_ROOT" && OA_Silo__PostgresConnectionString="$CONNECTION" OA_Urls="http://127.0.0.1:$HTTP_PORT" \
    exec dotnet "$REPO_ROOT/src/OrderActors.Silo/bin/Release/net10.0/OrderActors.Silo.dll" --config silo-config/embedded.json \
      --Access:DataDirectory "$ACCESS_DIR") \
    > "$SILO_LOG" 2>&1 &
  SILO_PID=$!
  stop_silo() {
    kill -TERM "$SILO_PID" 2>/dev/null || return 0
    for _ in $(seq 1 60); do kill -0 "$SILO_PID" 2>/dev/null || return 0; sleep 0.5; done
    kill -KILL "$SILO_PID" 2>/dev/null || true
  }
  trap stop_silo EXIT
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null 2>&1 && break
    kill -0 "$SILO_PID" 2>/dev/null || { log "the silo exited: see $SILO_LOG"; tail -20 "$SILO_LOG" >&2; exit 2; }
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null 2>&1 || { log "the silo is not ready: see $SILO_LOG"; exit 2; }
  [ -f "$ACCESS_DIR/admin.json" ] || { log "the silo is ready but wrote no $ACCESS_DIR/admin.json: see $SILO_LOG"; exit 2; }
  log "silo ready on http://127.0.0.1:$HTTP_PORT (log: $SILO_LOG, admin: $ACCESS_DIR/admin.json)"
  extra+=(--server "http://127.0.0.1:$HTTP_PORT" --watch-pg "$CONNECTION" --admin-file "$ACCESS_DIR/admin.json")
fi
if [ "$baseline" = 1 ]; then
  [ "$user_baseline" = 1 ] || extra+=(--baseline)
  [ "$user_pg" = 1 ] || extra+=(--baseline-pg "$CONNECTION")
fi
if [ "$trip" = 1 ]; then
  if [ "$quick" = 1 ]; then extra+=(--trip-at 7.5 --trip-warehouse WH-SH); else extra+=(--trip-at 30 --trip-warehouse WH-SH); fi
fi

cd "$REPO_ROOT"
status=0
dotnet "$REPO_ROOT/src/OrderActors.LoadTest/bin/Release/net10.0/OrderActors.LoadTest.dll" "${extra[@]}" "${pass[@]}" || status=$?
exit "$status"
