#!/usr/bin/env bash
# Every test: builds the solution (warnings are errors), starts a throwaway PostgreSQL (own data dir
# and port, removed at the end), runs every test project and ends with one line:
#   N passed, N failed[, N skipped]
source "$(dirname "$0")/lib.sh"
ensure_dotnet
ensure_postgres
"$REPO_ROOT/scripts/ensure-chromium.sh"

RESULTS="$REPO_ROOT/test-artifacts/results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
PG_DATA="$(mktemp -d /tmp/orderactors-test-pg.XXXXXX)"
PG_PORT="${OA_TEST_PG_PORT:-}"
if [ -z "$PG_PORT" ]; then
  for candidate in $(seq 55433 55533); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PG_PORT=$candidate; break; fi
  done
fi
cleanup() { pg_stop "$PG_DATA"; rm -rf "$PG_DATA"; }
trap cleanup EXIT
pg_start "$PG_DATA" "$PG_PORT"
export ORDERACTORS_TEST_PG="$(pg_connection_string "$PG_PORT" postgres)"

log "building the solution"
dotnet build "$REPO_ROOT/OrderActors.sln" -c Debug -nologo -v quiet -warnaserror | grep -E "error|warn" || true
if [ "${PIPESTATUS[0]}" != 0 ]; then echo "build failed"; echo "0 passed, 1 failed"; exit 1; fi

crashed=0
for project in "$REPO_ROOT"/tests/*/*Tests.csproj; do
  name="$(basename "$project" .csproj)"
  log "running $name"
  if ! dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
        -- RunConfiguration.TestSessionTimeout=1800000 > "$RESULTS/$name.log" 2>&1; then
    grep -E "^\s+Failed |Error Message|Assert\." "$RESULTS/$name.log" | head -40 >&2 || true
  fi
  [ -f "$RESULTS/$name.trx" ] || { log "$name produced no results (crashed?): see $RESULTS/$name.log"; crashed=$((crashed + 1)); }
  grep -hE "^(Passed!|Failed!)" "$RESULTS/$name.log" >&2 || true
done

sum() { grep -ho "<Counters [^>]*" "$RESULTS"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{s+=$1} END {print s+0}'; }
passed=$(sum passed)
failed=$(( $(sum failed) + $(sum error) + $(sum timeout) + $(sum aborted) + crashed ))
skipped=$(( $(sum total) - $(sum executed) ))
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
