#!/usr/bin/env bash
# Shared helpers for the scripts: locating the repo, installing what is missing, a private PostgreSQL.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root for: $*"; return 1; fi
}

apt_install() {
  log "installing $* with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null && return
  log "the .NET SDK is missing: install dotnet-sdk-10.0 (https://dot.net) and re-run"; exit 1
}

pg_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
  return 1
}

ensure_postgres() {
  pg_bindir >/dev/null 2>&1 && return
  apt_install postgresql
  pg_bindir >/dev/null || { log "PostgreSQL is still missing after apt-get"; exit 1; }
}

# Runs a command as the owner of the data directory: PostgreSQL refuses to run as root.
pg_user_run() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start DATADIR PORT: initialises the directory on first use, then starts the server on 127.0.0.1:PORT.
pg_start() {
  local data="$1" port="$2" bin
  ensure_postgres
  bin="$(pg_bindir)"
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || as_root useradd --system --home-dir /var/lib/postgresql postgres
    chown -R postgres:postgres "$data"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    log "initialising PostgreSQL data directory $data"
    pg_user_run "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$data'
max_connections = 300
shared_buffers = 256MB
CONF
  fi
  if pg_user_run "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    log "PostgreSQL already running in $data"
  else
    pg_user_run "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $port" -w -t 60 start >/dev/null
    log "PostgreSQL started on 127.0.0.1:$port (data: $data)"
  fi
}

pg_stop() {
  local data="$1" bin
  bin="$(pg_bindir)" || return 0
  [ -f "$data/PG_VERSION" ] || return 0
  pg_user_run "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

pg_connection_string() {
  local port="$1" database="${2:-postgres}"
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$database"
}

pg_create_database() {
  local port="$1" database="$2" bin
  bin="$(pg_bindir)"
  if ! pg_user_run "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
    pg_user_run "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE \"$database\"" >/dev/null
  fi
}
