#!/usr/bin/env bash
# nginx in front of store instances, as production runs it: load balancing plus a micro-cache that honours the
# store's Cache-Control (scripts/nginx/kite.conf.template). No root config: everything lives under a scratch prefix.
#
#   scripts/start-nginx.sh [--port 3510] [--prefix /tmp/kite-nginx] [upstream-port ...]   (default upstreams 3501 3502)
#
# Start the instances first with TRUSTED_PROXIES=1 (README: Production topology). Runs in the foreground; Ctrl-C
# stops it. Installs Debian's nginx-light when nginx is missing (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."

port=3510
prefix="${TMPDIR:-/tmp}/kite-nginx"
upstreams=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    *) upstreams+=("$1"); shift ;;
  esac
done
[[ ${#upstreams[@]} -gt 0 ]] || upstreams=(3501 3502)

nginx_bin="$(command -v nginx || true)"
[[ -n "$nginx_bin" ]] || nginx_bin=/usr/sbin/nginx
if [[ ! -x "$nginx_bin" ]]; then
  echo "nginx is not installed: installing Debian's nginx-light" >&2
  if [[ $(id -u) -ne 0 ]]; then echo "run as root, or: sudo apt-get install -y nginx-light" >&2; exit 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y nginx-light >/dev/null ||
    { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y nginx-light >/dev/null; }
  nginx_bin=/usr/sbin/nginx
fi

mkdir -p "$prefix"
servers=""
for p in "${upstreams[@]}"; do servers+="    server 127.0.0.1:${p} max_fails=3 fail_timeout=5s;"$'\n'; done
awk -v prefix="$prefix" -v port="$port" -v servers="$servers" '
  { gsub(/@PREFIX@/, prefix); gsub(/@PORT@/, port) }
  /@UPSTREAMS@/ { printf "%s", servers; next }
  { print }
' scripts/nginx/kite.conf.template >"$prefix/nginx.conf"

"$nginx_bin" -t -q -p "$prefix" -c "$prefix/nginx.conf"
echo "nginx on http://127.0.0.1:${port} → ${upstreams[*]} (config and cache in ${prefix})"
exec "$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" -g "daemon off;"
