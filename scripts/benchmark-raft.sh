#!/usr/bin/env bash
# Raft write throughput: a 3-member etcd 3.4 cluster (the baseline) and a 3-node Coffer cluster,
# driven the same way — wrk, one distinct key per request, ~700-byte values, through the
# leader, at 1, 16 and 64 connections. Reproduces "Raft writes: Coffer vs etcd 3.4" in
# docs/benchmarks.md.
#
# Usage: scripts/benchmark-raft.sh etcd|coffer|both [options]
#   etcd     start a 3-member etcd cluster on 127.0.0.1 (clients 23790-23792, peers
#            23800-23802, data in a temp dir, default fsync), put through its JSON gateway
#            (POST /v3/kv/put) on the leader; the cluster is removed afterwards
#   coffer   drive an already-running, unsealed 3-node Coffer cluster (kv-v2 writes,
#            POST /v1/secret/data/bench/...); needs COFFER_ADDR and COFFER_TOKEN
#   both     etcd and Coffer in the same run, interleaved per concurrency, one comparison
#            table with the Coffer/etcd ratio
# Options:
#   -d, --duration D     wrk duration per row (default 10s)
#   -w, --warmup D       unreported warm-up per system (default 20s; 0 = none). Both systems
#                        get the same warm-up; a freshly started JVM needs roughly 20-40 s of
#                        load before its JIT has compiled the hot paths (Coffer ran at ~1/3 of
#                        its warm rate after a 3 s warm-up), etcd (Go) needs none
#   --warmup-conns N     connections during the warm-up (default: the largest of -c)
#   -c, --conns "1 16 64"  connection counts
#   -r, --rounds N       repeat the rows N times (default 1), etcd and Coffer alternating row by
#                        row; with N > 1 the table gives every round's ratio and the median per
#                        connection count (the machine's noise between two 8 s rows is often
#                        +-20 %, so one round proves little)
#   --addr URL           Coffer API address (default $COFFER_ADDR), any node: if it is a
#                        standby, the leader's address from sys/leader is used instead
#   --token TOKEN        Coffer token (default $COFFER_TOKEN; the env var keeps it out of `ps`)
#   --value-bytes N      value size (default 700)
#   --keep               keep the temp dir: etcd data and logs, wrk output (prints where)
#
# Coffer cluster: until `./coffer cluster up` exists, start three nodes with Raft storage,
# `operator init`, unseal all three, and export COFFER_ADDR/COFFER_TOKEN (root token). Once it
# exists the expected invocation is:
#   ./coffer cluster up            # 3 nodes on 127.0.0.1, initialised and unsealed, prints the
#                                  # leader address and root token (or writes them to a file)
#   COFFER_ADDR=http://127.0.0.1:8200 COFFER_TOKEN=<root> scripts/benchmark-raft.sh both
# The script enables kv-v2 at secret/ (POST /v1/sys/mounts/secret) if it is not mounted.
#
# Every row prints requests/s, p50 and p99 from wrk, the non-2xx count (any non-2xx makes
# the row FAIL in the table), and how many keys actually landed (counted on the server
# afterwards: between the 2xx count and 2xx + connections — requests in flight when wrk stops
# may land without being counted).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
wrkdir="$root/scripts/wrk"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

mode="${1:-}"
case "$mode" in
  etcd|coffer|both) shift ;;
  -h|--help|help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac
duration=10s
warmup=20s
warmup_conns=
conns="1 16 64"
rounds=1
value_bytes=700
keep=0
coffer_addr="${COFFER_ADDR:-}"
coffer_token="${COFFER_TOKEN:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    -d|--duration) duration="$2"; shift 2 ;;
    -w|--warmup) warmup="$2"; shift 2 ;;
    --warmup-conns) warmup_conns="$2"; shift 2 ;;
    -c|--conns) conns="$2"; shift 2 ;;
    -r|--rounds) rounds="$2"; shift 2 ;;
    --addr) coffer_addr="$2"; shift 2 ;;
    --token) coffer_token="$2"; shift 2 ;;
    --value-bytes) value_bytes="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    [0-9]*s|[0-9]*m) duration="$1"; shift ;;    # bare duration, like the other scripts
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [ -z "$warmup_conns" ]; then
  warmup_conns=1
  for c in $conns; do [ "$c" -gt "$warmup_conns" ] && warmup_conns="$c"; done
fi

for tool in wrk curl jq; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/coffer-bench-raft.XXXXXX")"
pids=()
wrk_pid=
cleanup() {
  local rc=$?
  local p alive
  if [ -n "$wrk_pid" ]; then kill "$wrk_pid" 2>/dev/null || true; wait "$wrk_pid" 2>/dev/null || true; fi
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for _ in $(seq 1 30); do              # a leader whose peers are gone can take seconds to stop
    alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -f "$work/token.hdr"
  if [ "$keep" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

run_id="r$(date -u +%H%M%S)$$"
failures=0

# ---------------------------------------------------------------- wrk

# run_wrk NAME URL LUA PREFIX CONNS DURATION [extra script args...]
# Leaves wrk's full output in $work/NAME.out and sets R_* from its RESULT line.
run_wrk() {
  local name="$1" url="$2" lua="$3" prefix="$4" c="$5" d="$6"; shift 6
  local t=$(( c < 2 ? c : 2 ))
  # In the background and waited for, so that a signal interrupts the script at once.
  wrk -t"$t" -c"$c" -d"$d" --timeout 10s --latency -s "$lua" "$url" -- "$prefix" "$value_bytes" "$@" \
    >"$work/$name.out" 2>&1 &
  wrk_pid=$!
  wait "$wrk_pid" || { wrk_pid=; echo "wrk failed:"; cat "$work/$name.out"; return 1; }
  wrk_pid=
  local line
  line="$(grep '^RESULT ' "$work/$name.out" || true)"
  if [ -z "$line" ]; then echo "no RESULT line from wrk:"; cat "$work/$name.out"; return 1; fi
  R_requests=; R_non2xx=; R_ok=; R_rps=; R_p50_us=; R_p99_us=; R_connect=; R_read=; R_write=; R_timeout=; R_status=
  local kv
  for kv in ${line#RESULT }; do printf -v "R_${kv%%=*}" '%s' "${kv#*=}"; done
  R_errors="$(grep '^ERRORS ' "$work/$name.out" || true)"
}

ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }

# check_row SYSTEM CONNS LANDED: prints the row's line and records FAIL reasons.
declare -A RPS P99 STATE RATIOS
round=1
check_row() {
  local sys="$1" c="$2" landed="$3" state=ok
  local sock=$(( R_connect + R_read + R_write + R_timeout ))
  if [ "$R_non2xx" -gt 0 ]; then state="FAIL: $R_non2xx non-2xx"; fi
  if [ "$sock" -gt 0 ]; then state="FAIL: $sock socket errors"; fi
  if [ "$landed" -lt "$R_ok" ] || [ "$landed" -gt $(( R_ok + c + R_timeout )) ]; then
    state="FAIL: $landed keys landed for $R_ok 2xx"
  fi
  [ "$state" = ok ] || failures=$((failures + 1))
  RPS[$sys,$c]="$R_rps"; P99[$sys,$c]="$(ms "$R_p99_us")"; STATE[$sys,$c]="$state"
  printf '%-6s c=%-3s %10s req/s  p50 %7s ms  p99 %7s ms  requests %d  non-2xx %d  socket errors %d  landed %d  %s\n' \
    "$sys" "$c" "$R_rps" "$(ms "$R_p50_us")" "$(ms "$R_p99_us")" "$R_requests" "$R_non2xx" "$sock" "$landed" "$state"
  if [ -n "$R_errors" ]; then echo "       $R_errors"; fi
}

# ---------------------------------------------------------------- etcd

etcd_client_port() { echo $((23790 + $1)); }
etcd_peer_port() { echo $((23800 + $1)); }
b64() { printf '%s' "$1" | base64 -w0; }

etcd_up() {
  command -v etcd >/dev/null && command -v etcdctl >/dev/null \
    || { echo "etcd and etcdctl are required: apt-get install -y etcd-server etcd-client" >&2; exit 1; }
  local i p cluster=""
  for i in 0 1 2; do
    for p in "$(etcd_client_port $i)" "$(etcd_peer_port $i)"; do
      if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is in use" >&2; exit 1; fi
    done
    cluster+="${cluster:+,}m$i=http://127.0.0.1:$(etcd_peer_port $i)"
  done
  for i in 0 1 2; do
    ETCDCTL_API=3 etcd --name "m$i" --data-dir "$work/etcd-m$i" \
      --listen-client-urls "http://127.0.0.1:$(etcd_client_port $i)" \
      --advertise-client-urls "http://127.0.0.1:$(etcd_client_port $i)" \
      --listen-peer-urls "http://127.0.0.1:$(etcd_peer_port $i)" \
      --initial-advertise-peer-urls "http://127.0.0.1:$(etcd_peer_port $i)" \
      --initial-cluster "$cluster" --initial-cluster-token "coffer-bench-$run_id" \
      --initial-cluster-state new --logger zap --log-level warn \
      >"$work/etcd-m$i.log" 2>&1 &
    pids+=($!)
  done
  etcd_endpoints="http://127.0.0.1:23790,http://127.0.0.1:23791,http://127.0.0.1:23792"
  local ok=0
  for _ in $(seq 1 150); do
    if ETCDCTL_API=3 etcdctl --endpoints="$etcd_endpoints" endpoint health >/dev/null 2>&1; then ok=1; break; fi
    sleep 0.2
  done
  [ "$ok" = 1 ] || { echo "etcd cluster did not become healthy"; tail -n 20 "$work"/etcd-m*.log; exit 1; }
  # The leader: the member whose member_id equals the leader it reports (the gateway prints
  # uint64s as strings, so no precision is lost).
  etcd_leader=""
  for _ in $(seq 1 50); do
    for i in 0 1 2; do
      local url="http://127.0.0.1:$(etcd_client_port $i)"
      if curl -sf -X POST -d '{}' "$url/v3/maintenance/status" \
          | jq -e '.header.member_id == .leader' >/dev/null 2>&1; then
        etcd_leader="$url"; break 2
      fi
    done
    sleep 0.2
  done
  [ -n "$etcd_leader" ] || { echo "no etcd leader found"; exit 1; }
  # One put through the gateway, checked, before any load.
  local reply
  reply="$(curl -s -w '\n%{http_code}' -X POST -d "{\"key\":\"$(b64 "probe/$run_id")\",\"value\":\"$(b64 x)\"}" "$etcd_leader/v3/kv/put")"
  [ "${reply##*$'\n'}" = 200 ] || { echo "probe put failed: $reply"; exit 1; }
  echo "== etcd $(etcd --version | awk '/etcd Version/{print $3}'): 3 members up, leader $etcd_leader, data in $work"
}

# Keys under the prefix, listed (not the server's count field) and counted.
etcd_count() {
  ETCDCTL_API=3 etcdctl --endpoints="$etcd_leader" --command-timeout=60s get --prefix --keys-only "$1" \
    | grep -c . || true
}

etcd_row() {
  local c="$1" prefix="bench/$run_id-c$1-r$round/"
  run_wrk "etcd-c$c-r$round" "$etcd_leader" "$wrkdir/etcd-put.lua" "$prefix" "$c" "$duration" || exit 1
  check_row etcd "$c" "$(etcd_count "$prefix")"
}

etcd_warmup() {
  [ "$warmup" = 0 ] && return 0
  run_wrk etcd-warmup "$etcd_leader" "$wrkdir/etcd-put.lua" "bench/$run_id-warmup/" "$warmup_conns" "$warmup" || exit 1
  echo "   (etcd warm-up: $warmup_conns connections, $warmup, $R_rps req/s, not reported)"
}

# ---------------------------------------------------------------- Coffer

# coffer_curl METHOD PATH [BODY]: prints body, then the status code on the last line. The
# token goes in a header file, not on the command line.
coffer_curl() {
  local args=(-s -w '\n%{http_code}' -X "$1" -H "@$work/token.hdr" --max-time 30)
  [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' -d "$3")
  curl "${args[@]}" "$coffer_url$2"
}
status_of() { printf '%s' "${1##*$'\n'}"; }
body_of() { printf '%s' "${1%$'\n'*}"; }

coffer_up() {
  [ -n "$coffer_addr" ] && [ -n "$coffer_token" ] || {
    echo "coffer mode needs a running 3-node cluster: set COFFER_ADDR and COFFER_TOKEN (or --addr/--token)." >&2
    echo "See the usage text (scripts/benchmark-raft.sh --help) for the expected './coffer cluster up'." >&2
    exit 2
  }
  coffer_url="${coffer_addr%/}"
  export COFFER_TOKEN="$coffer_token"     # read by coffer-kv-put.lua inside wrk
  ( umask 077; printf 'X-Vault-Token: %s\n' "$coffer_token" >"$work/token.hdr" )
  local r leader
  r="$(coffer_curl GET /v1/sys/leader)"
  [ "$(status_of "$r")" = 200 ] || { echo "GET $coffer_url/v1/sys/leader: $(status_of "$r") $(body_of "$r")"; exit 1; }
  leader="$(body_of "$r")"
  if [ "$(jq -r .ha_enabled <<<"$leader")" != true ]; then
    echo "WARNING: $coffer_url reports ha_enabled=false — not a Raft cluster; numbers are for a single node"
  elif [ "$(jq -r .is_self <<<"$leader")" != true ]; then
    local la; la="$(jq -r '.leader_address // ""' <<<"$leader")"
    [ -n "$la" ] || { echo "$coffer_url is a standby and knows no leader"; exit 1; }
    echo "   $coffer_url is a standby; using the leader $la"
    coffer_url="${la%/}"
  fi
  r="$(coffer_curl GET /v1/auth/token/lookup-self)"
  [ "$(status_of "$r")" = 200 ] || { echo "token lookup failed: $(status_of "$r") $(body_of "$r")"; exit 1; }
  r="$(coffer_curl GET /v1/sys/mounts)"
  [ "$(status_of "$r")" = 200 ] || { echo "GET sys/mounts: $(status_of "$r") $(body_of "$r")"; exit 1; }
  local mount; mount="$(body_of "$r" | jq -c '(.data // .)["secret/"] // empty')"
  if [ -z "$mount" ]; then
    r="$(coffer_curl POST /v1/sys/mounts/secret '{"type":"kv","options":{"version":"2"}}')"
    case "$(status_of "$r")" in 2??) echo "   enabled kv-v2 at secret/" ;; *) echo "enabling secret/: $r"; exit 1 ;; esac
  elif [ "$(jq -r '.options.version // "1"' <<<"$mount")" != 2 ]; then
    echo "secret/ is mounted but is not kv version 2: $mount"; exit 1
  fi
  r="$(coffer_curl POST "/v1/secret/data/bench/$run_id-probe" '{"data":{"value":"x"}}')"
  case "$(status_of "$r")" in 2??) ;; *) echo "probe write failed: $r"; exit 1 ;; esac
  echo "== Coffer: leader $coffer_url, kv-v2 at secret/"
}

# Secrets under secret/bench/<prefix>, counted with LIST on the metadata path.
coffer_count() {
  local r; r="$(coffer_curl LIST "/v1/secret/metadata/$1")"
  case "$(status_of "$r")" in
    200) body_of "$r" | jq -r '.data.keys | length' ;;
    404) echo 0 ;;
    *) echo "LIST secret/metadata/$1: $(status_of "$r")" >&2; echo 0 ;;
  esac
}

coffer_row() {
  local c="$1" prefix="bench/$run_id-c$1-r$round/"
  run_wrk "coffer-c$c-r$round" "$coffer_url" "$wrkdir/coffer-kv-put.lua" "$prefix" "$c" "$duration" secret || exit 1
  check_row coffer "$c" "$(coffer_count "$prefix")"
}

coffer_warmup() {
  [ "$warmup" = 0 ] && return 0
  run_wrk coffer-warmup "$coffer_url" "$wrkdir/coffer-kv-put.lua" "bench/$run_id-warmup/" "$warmup_conns" "$warmup" secret || exit 1
  echo "   (Coffer warm-up: $warmup_conns connections, $warmup, $R_rps req/s, not reported)"
}

# ---------------------------------------------------------------- run

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p' | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%F %H:%M UTC')"
echo "== wrk $(wrk -v 2>&1 | awk 'NR==1{print $2}'), -t min(2,c) -c c -d $duration --latency, one distinct key per request, $value_bytes-byte values, run id $run_id"
case "$mode" in
  etcd|both) etcd_up ;;
esac
case "$mode" in
  coffer|both) coffer_up ;;
esac
case "$mode" in
  etcd) etcd_warmup ;;
  coffer) coffer_warmup ;;
  both) etcd_warmup; coffer_warmup ;;
esac
# both: one table row per connection count and round, printed as the round ends
table=""
for round in $(seq 1 "$rounds"); do
  for c in $conns; do
    case "$mode" in
      etcd) etcd_row "$c" ;;
      coffer) coffer_row "$c" ;;
      both)
        etcd_row "$c"; coffer_row "$c"
        ratio="$(awk -v a="${RPS[coffer,$c]}" -v b="${RPS[etcd,$c]}" 'BEGIN { printf "%.2f", a / b }')"
        RATIOS[$c]+=" $ratio"
        note=""
        [ "${STATE[etcd,$c]}" = ok ] || note+=" (etcd ${STATE[etcd,$c]})"
        [ "${STATE[coffer,$c]}" = ok ] || note+=" (Coffer ${STATE[coffer,$c]})"
        [ "$rounds" -gt 1 ] && label="$round | " || label=""
        table+="$(printf '| %s%s | %.0f | %s | %.0f | %s | %s%s |' "$label" "$c" "${RPS[etcd,$c]}" "${P99[etcd,$c]}" \
          "${RPS[coffer,$c]}" "${P99[coffer,$c]}" "$ratio" "$note")"$'\n' ;;
    esac
  done
done

echo
case "$mode" in
  both)
    if [ "$rounds" -gt 1 ]; then
      echo "| round | connections | etcd writes/s | etcd p99 ms | Coffer writes/s | Coffer p99 ms | Coffer/etcd |"
      echo "|---|---|---|---|---|---|---|"
    else
      echo "| connections | etcd writes/s | etcd p99 ms | Coffer writes/s | Coffer p99 ms | Coffer/etcd |"
      echo "|---|---|---|---|---|---|"
    fi
    printf '%s' "$table"
    if [ "$rounds" -gt 1 ]; then
      echo
      for c in $conns; do
        # shellcheck disable=SC2086
        echo "median Coffer/etcd at $c connections over $rounds rounds: $(printf '%s\n' ${RATIOS[$c]} | sort -n \
          | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }') (rounds:${RATIOS[$c]})"
      done
    fi ;;
  *)
    echo "| system | connections | writes/s | p99 ms | |"
    echo "|---|---|---|---|---|"
    for c in $conns; do
      printf '| %s | %s | %.0f | %s | %s |\n' "$mode" "$c" "${RPS[$mode,$c]}" "${P99[$mode,$c]}" "${STATE[$mode,$c]}"
    done ;;
esac
if [ "$failures" -gt 0 ]; then
  echo "FAILED: $failures row(s) had errors or lost writes (rerun with --keep to keep wrk's output and the etcd logs)"
  exit 1
fi
