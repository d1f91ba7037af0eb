#!/usr/bin/env bash
# Stops the silos started by scripts/cluster-up.sh, gracefully (SIGTERM: each leaves the cluster
# and hands its grains over), then forcefully after 30 s.
source "$(dirname "$0")/lib.sh"
STATE="$REPO_ROOT/.cluster"
for pidfile in "$STATE"/silo-*.pid; do
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  kill -TERM "$pid" 2>/dev/null || true
done
for pidfile in "$STATE"/silo-*.pid; do
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  log "stopped $(basename "$pidfile" .pid)"
done
