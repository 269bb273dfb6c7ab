#!/usr/bin/env bash
# Installs what the benchmarks drive from outside Node: wrk (a C load generator that leaves the server its core)
# and Debian's chromium (Lighthouse). Debian 12; as root, or through sudo when it is there.
set -euo pipefail
missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then
  echo "bench tools present: wrk, chromium"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing ${missing[*]}…"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
