#!/usr/bin/env bash
# Login throughput (docs/benchmarks.md, "Logins: AppRole and userpass"): the sys/health baseline,
# approle-login (token creation path) and userpass-login (bcrypt check + token creation) at
# 1/16/64 clients in one `coffer bench` run, against one target:
#   dev    ./coffer server -dev (in-memory storage)
#   file   one durable node: storage "file" (RocksDB, synced writes), initialised (1 share) and
#          unsealed here
#   raft   an already-running 3-node cluster (`./coffer cluster up [-ports=...]`): the active
#          node found through sys/leader, the root token from <cluster dir>/init.json
# Usage: scripts/benchmark-login.sh dev|file|raft [duration]     (default 10s per row)
# Environment:
#   BENCH_LOCK=/tmp/bench.lock  every measured `coffer bench` run holds this flock (empty: none)
#   CLIENTS=1,16,64             client counts
#   USERPASS_USERS=1            distinct userpass users (1 = every login checks the same user)
#   TOKEN_TYPE=default          token_type of the role and users: default, service or batch
#   CLUSTER_DIR=.coffer/cluster, CLUSTER_ADDR=http://127.0.0.1:8200   for raft
# Prints the load and the server's heap (after a full GC) before and after the measured run:
# every login leaves a token in the server's token store (768 h default TTL).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${1:-}"
duration="${2:-10s}"
lock="${BENCH_LOCK-/tmp/bench.lock}"
clients="${CLIENTS:-1,16,64}"
users="${USERPASS_USERS:-1}"
token_type="${TOKEN_TYPE:-default}"
for tool in curl jq jcmd; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done
work="$(mktemp -d "${TMPDIR:-/tmp}/coffer-bench-login.XXXXXX")"
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
wait_http() { for _ in $(seq 1 300); do curl -s -o /dev/null "$1/v1/sys/health" && return 0; sleep 0.1; done; return 1; }
locked() { if [ -n "$lock" ]; then flock "$lock" "$@"; else "$@"; fi; }
heap() { # used heap after a full GC, in MiB
  [ -n "${1:-}" ] || { echo "?"; return; }
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen/ && !done {
      for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub(/K,?$/, "", v); printf "%.0f MiB", v / 1024; done = 1 } }'
}
tokens() { # token accessors in the store (LIST auth/token/accessors)
  curl -s -X LIST -H "X-Vault-Token: $token" "$addr/v1/auth/token/accessors" | jq '.data.keys | length'
}

./coffer version >/dev/null
case "$target" in
  dev)
    port=18330
    addr="http://127.0.0.1:$port"
    token=bench-root
    ./coffer server -dev -dev-root-token-id="$token" -dev-listen-address="127.0.0.1:$port" >"$work/server.log" 2>&1 &
    server=$!
    wait_http "$addr"
    pid=$server
    ;;
  file)
    port=18331
    addr="http://127.0.0.1:$port"
    cat >"$work/server.hcl" <<HCL
storage "file" {
  path = "$work/data"
}
listener "tcp" {
  address     = "127.0.0.1:$port"
  tls_disable = true
}
HCL
    ./coffer server -config="$work/server.hcl" >"$work/server.log" 2>&1 &
    server=$!
    wait_http "$addr"
    curl -sf -X PUT -d '{"secret_shares":1,"secret_threshold":1}' "$addr/v1/sys/init" >"$work/init.json"
    chmod 600 "$work/init.json"
    curl -sf -o /dev/null -X PUT -d "{\"key\":\"$(jq -r '.keys_base64[0]' "$work/init.json")\"}" "$addr/v1/sys/unseal"
    token="$(jq -r .root_token "$work/init.json")"
    for _ in $(seq 1 100); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$addr/v1/sys/health")" = 200 ] && break; sleep 0.1; done
    pid=$server
    ;;
  raft)
    dir="${CLUSTER_DIR:-.coffer/cluster}"
    addr="${CLUSTER_ADDR:-http://127.0.0.1:8200}"
    token="$(jq -r .root_token "$dir/init.json")"
    leader="$(curl -sf "$addr/v1/sys/leader" | jq -r '.leader_address // empty')"
    [ -n "$leader" ] && addr="$leader"
    port="${addr##*:}"
    pid="$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)"
    ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac

echo "== $target at $addr: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u '+%F %H:%M') UTC, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "== warm-up (not reported)"
VAULT_TOKEN="$token" locked ./coffer bench -address="$addr" -scenarios=health,approle-login -clients=16 \
  -duration=10s -warmup=2s -userpass-users="$users" -login-token-type="$token_type" >/dev/null 2>&1 || echo "(warm-up had errors)"
VAULT_TOKEN="$token" locked ./coffer bench -address="$addr" -scenarios=userpass-login -clients=2 \
  -duration=5s -warmup=1s -timeout=60s -userpass-users="$users" -login-token-type="$token_type" >/dev/null 2>&1 || echo "(warm-up had errors)"
echo "== before: load$(uptime | sed 's/.*load average//'); heap $(heap "$pid"); $(tokens) tokens"
rc=0
VAULT_TOKEN="$token" locked ./coffer bench -address="$addr" -scenarios=health,approle-login,userpass-login \
  -clients="$clients" -duration="$duration" -warmup=2s -timeout=60s -userpass-users="$users" -login-token-type="$token_type" || rc=$?
echo "== after: load$(uptime | sed 's/.*load average//'); heap $(heap "$pid"); $(tokens) tokens"
if grep -qF "$token" "$work/server.log" 2>/dev/null && [ "$target" != dev ]; then echo "WARNING: root token found in the server log"; fi
exit "$rc"
