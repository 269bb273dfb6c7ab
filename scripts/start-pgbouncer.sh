#!/usr/bin/env bash
# PgBouncer in transaction pooling between store instances and PostgreSQL, as production runs it (README:
# Production topology). No root config: everything lives under a scratch prefix.
#
#   scripts/start-pgbouncer.sh [--port 6432] [--prefix /tmp/kite-pgbouncer] [--pool-size 16] [--server 127.0.0.1:5432]
#
# Instances then use DATABASE_URL=postgres://postgres@127.0.0.1:6432/<db> with DATABASE_POOL_MODE=transaction and
# DATABASE_DIRECT_URL=postgres://postgres@127.0.0.1:5432/<db> (migrations). Runs in the foreground; Ctrl-C stops
# it. Installs Debian's pgbouncer when it is missing (needs root). Trusts local connections, like this machine's
# PostgreSQL: a deployment sets auth_type to scram-sha-256 with an auth_query instead.
set -euo pipefail

port=6432
prefix="${TMPDIR:-/tmp}/kite-pgbouncer"
pool_size=16
server=127.0.0.1:5432
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    --pool-size) pool_size="$2"; shift 2 ;;
    --server) server="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

bin="$(command -v pgbouncer || true)"
[[ -n "$bin" ]] || bin=/usr/sbin/pgbouncer
if [[ ! -x "$bin" ]]; then
  echo "pgbouncer is not installed: installing Debian's pgbouncer" >&2
  if [[ $(id -u) -ne 0 ]]; then echo "run as root, or: sudo apt-get install -y pgbouncer" >&2; exit 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null; }
  bin=/usr/sbin/pgbouncer
fi

mkdir -p "$prefix"
printf '"postgres" ""\n' >"$prefix/userlist.txt"
cat >"$prefix/pgbouncer.ini" <<INI
[databases]
* = host=${server%:*} port=${server#*:}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${prefix}/userlist.txt
admin_users = postgres
stats_users = postgres
; Transaction pooling: a server connection serves one transaction, then the next client's. The store sends no
; named prepared statements and keeps no session state in this mode (DATABASE_POOL_MODE=transaction).
pool_mode = transaction
default_pool_size = ${pool_size}
min_pool_size = 0
reserve_pool_size = 0
max_client_conn = 4000
max_db_connections = 0
server_reset_query =
server_check_delay = 10
ignore_startup_parameters = extra_float_digits,options
pidfile = ${prefix}/pgbouncer.pid
INI

# PgBouncer refuses to run as root; it drops to the postgres account, which must read the config.
run_as=()
if [[ $(id -u) -eq 0 ]]; then
  chown -R postgres "$prefix"
  run_as=(-u postgres)
fi
echo "pgbouncer on 127.0.0.1:${port} → ${server}, transaction pooling, ${pool_size} server connections per database (config in ${prefix})"
exec "$bin" "${run_as[@]}" "$prefix/pgbouncer.ini"
