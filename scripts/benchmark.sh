#!/usr/bin/env bash
# Reproduces docs/benchmarks.md: starts a dev server, warms it up, runs the load generator
# (sys/health baseline, kv-v2 read and write at 1/16/64 clients) and times one CLI call.
# Usage: scripts/benchmark.sh [duration]   (default 10s per run)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
duration="${1:-10s}"
port="${COFFER_BENCH_PORT:-18299}"
addr="http://127.0.0.1:$port"
./coffer version >/dev/null            # builds on first use
./coffer server -dev -dev-root-token-id=bench-root -dev-listen-address="127.0.0.1:$port" >/tmp/coffer-bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "$addr/v1/sys/health" >/dev/null 2>&1 && break
  sleep 0.1
done
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u +%F)"
echo "== warm-up (not reported)"
./coffer bench -address="$addr" -token=bench-root -clients=16 -duration=10s -warmup=2s >/dev/null 2>&1 || true
echo "== load"
./coffer bench -address="$addr" -token=bench-root -clients=1,16,64 -duration="$duration" -warmup=2s
echo "== CLI: one 'coffer kv get' call"
VAULT_ADDR="$addr" VAULT_TOKEN=bench-root ./coffer kv put secret/cli-bench value=x >/dev/null
if command -v hyperfine >/dev/null 2>&1; then
  VAULT_ADDR="$addr" VAULT_TOKEN=bench-root hyperfine -N --warmup 3 --runs 20 './coffer kv get secret/cli-bench'
else
  for _ in 1 2 3; do VAULT_ADDR="$addr" VAULT_TOKEN=bench-root /usr/bin/time -f '%e s wall, %M KiB max RSS' ./coffer kv get secret/cli-bench >/dev/null; done
fi
