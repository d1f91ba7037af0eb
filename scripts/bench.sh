#!/usr/bin/env bash
# Benchmarks (Release build), each measuring our path beside a bare baseline in the same run:
#   scripts/bench.sh runtime    # Orleans grain call made inside the silo process vs Channel<T> ping-pong
#                               # last line: grain-call/channel ratio: X.XX
#   scripts/bench.sh cluster    # Orleans grain call from silo A to a grain on silo B vs a raw loopback TCP
#                               # request/response of the same sizes (two silos in one process, in-memory
#                               # development membership: no PostgreSQL)
#                               # last line: cross-silo/raw ratio: X.XX
#   scripts/bench.sh reroute    # 10,000 allocated orders, trip their warehouse: seconds until all moved
#                               # (--orders N, --window N: orders told to move at a time, default Hub:RerouteWindow)
#   scripts/bench.sh hotsku     # one hot SKU: reservations/s with 1 bucket and with 8, same run
#                               # (reroute and hotsku: one Orleans silo with the hub's grains on a private PostgreSQL)
source "$(dirname "$0")/lib.sh"
ensure_dotnet
what="${1:-}"
case "$what" in
  runtime|cluster) ;;
  reroute|hotsku)
    "$REPO_ROOT/scripts/pg-up.sh" >/dev/null
    export ORDERACTORS_BENCH_PG="$(pg_connection_string "${OA_PG_PORT:-55432}" postgres)" ;;
  *) echo "usage: scripts/bench.sh runtime|cluster|reroute|hotsku [options]" >&2; exit 2 ;;
esac
shift
dotnet build "$REPO_ROOT/bench/OrderActors.Benchmarks" -c Release -nologo -v quiet >/dev/null
exec dotnet "$REPO_ROOT/bench/OrderActors.Benchmarks/bin/Release/net10.0/OrderActors.Benchmarks.dll" "$what" "$@"
