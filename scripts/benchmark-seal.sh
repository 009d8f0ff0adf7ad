#!/usr/bin/env bash
# Reproduces the seal and durable-storage figures of docs/benchmarks.md:
#  1. time from process start to serving a read after the third unseal share (file storage);
#  2. kv-v2 write throughput at 16 clients on file storage (RocksDB, fsync per write) against
#     the in-memory dev server, in the same run.
# Usage: scripts/benchmark-seal.sh [duration] [restarts]   (defaults 10s, 5)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
duration="${1:-10s}"
restarts="${2:-5}"
work="$(mktemp -d)"
file_port=18310
dev_port=18311
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
./coffer version >/dev/null

cat >"$work/server.hcl" <<HCL
storage "file" {
  path = "$work/data"
}
listener "tcp" {
  address     = "127.0.0.1:$file_port"
  tls_disable = true
}
HCL

wait_http() { for _ in $(seq 1 300); do curl -s -o /dev/null "$1/v1/sys/health" && return 0; sleep 0.02; done; return 1; }
now_ms() { date +%s%3N; }

export VAULT_ADDR="http://127.0.0.1:$file_port"
./coffer server -config="$work/server.hcl" >"$work/server.log" 2>&1 &
pids+=($!)
wait_http "$VAULT_ADDR"
./coffer operator init -key-shares=5 -key-threshold=3 -format=json >"$work/init.json"
chmod 600 "$work/init.json"
for i in 0 1 2; do ./coffer operator unseal "$(jq -r ".unseal_keys_b64[$i]" "$work/init.json")" >/dev/null; done
export VAULT_TOKEN="$(jq -r .root_token "$work/init.json")"
./coffer secrets enable -path=secret kv-v2 >/dev/null
./coffer kv put secret/probe value=1 >/dev/null

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u +%F)"
echo "== start to serving after the third share (file storage, $restarts restarts; ms)"
for r in $(seq 1 "$restarts"); do
  kill -9 "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
  t0=$(now_ms)
  ./coffer server -config="$work/server.hcl" >>"$work/server.log" 2>&1 &
  pids+=($!)
  wait_http "$VAULT_ADDR"
  t_listen=$(now_ms)
  for i in 2 3 4; do
    curl -s -o /dev/null -X PUT -d "{\"key\":\"$(jq -r ".unseal_keys_hex[$i]" "$work/init.json")\"}" "$VAULT_ADDR/v1/sys/unseal"
  done
  t_unsealed=$(now_ms)
  curl -sf -o /dev/null -H "X-Vault-Token: $VAULT_TOKEN" "$VAULT_ADDR/v1/secret/data/probe"
  t_read=$(now_ms)
  echo "restart $r: listening after $((t_listen - t0)) ms; 3 shares took $((t_unsealed - t_listen)) ms; first read $((t_read - t_unsealed)) ms after the third share; total $((t_read - t0)) ms"
done

./coffer server -dev -dev-root-token-id=bench-root -dev-listen-address="127.0.0.1:$dev_port" >"$work/dev.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$dev_port"
echo "== kv-v2 writes, 16 clients: file storage (fsync per write) vs in-memory"
for target in "file http://127.0.0.1:$file_port $VAULT_TOKEN" "inmem http://127.0.0.1:$dev_port bench-root"; do
  set -- $target
  ./coffer bench -address="$2" -token="$3" -clients=16 -duration=8s -warmup=2s -scenarios=kv-write >/dev/null 2>&1 || true
  echo "-- $1"
  ./coffer bench -address="$2" -token="$3" -clients=16 -duration="$duration" -warmup=2s -scenarios=kv-write 2>/dev/null | sed -n '1,2p'
done
if grep -qF "$VAULT_TOKEN" "$work/server.log"; then echo "WARNING: root token found in the server log"; fi
