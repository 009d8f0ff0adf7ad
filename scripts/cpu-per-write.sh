#!/usr/bin/env bash
# CPU per kv-v2 write on each node of a running 3-node Coffer cluster: drives the leader with
# wrk (64 connections, ~700-byte values, one distinct key per request, as benchmark-raft.sh)
# and reads each node process's CPU time from /proc before and after. Used for the A/B table
# "After the write-path profile" in docs/benchmarks.md.
#
# Usage: COFFER_TOKEN=<root token> scripts/cpu-per-write.sh PORT1,PORT2,PORT3 [SECONDS] [CONNS]
#   PORT1 is the leader's API port (e.g. 9800,9810,9820 for `coffer cluster up -ports=...`);
#   the processes are found by the port they listen on (ss -ltnp). Prints one line:
#   time, writes/s, p99, non-2xx, then µs of CPU per write for each node and for all three.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ports="${1:?usage: $0 PORT1,PORT2,PORT3 [SECONDS] [CONNS]}"; secs="${2:-30}"; conns="${3:-64}"
[ -n "${COFFER_TOKEN:-}" ] || { echo "set COFFER_TOKEN (read by scripts/wrk/coffer-kv-put.lua)" >&2; exit 2; }
hz="$(getconf CLK_TCK)"
pids=()
for p in ${ports//,/ }; do
  pid="$(ss -ltnpH "sport = :$p" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
  [ -n "$pid" ] || { echo "nothing listens on port $p" >&2; exit 1; }
  pids+=("$pid")
done
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
before=(); for pid in "${pids[@]}"; do before+=("$(ticks "$pid")"); done
leader="${ports%%,*}"
out="$(mktemp)"; trap 'rm -f "$out"' EXIT
wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s -s "$root/scripts/wrk/coffer-kv-put.lua" \
  "http://127.0.0.1:$leader" -- "bench/cpu-$(date +%s)-$$/" 700 secret >"$out" 2>&1
n="$(grep -o 'requests=[0-9]*' "$out" | cut -d= -f2)"
[ -n "$n" ] && [ "$n" -gt 0 ] || { cat "$out"; exit 1; }
line="$(date -u +%H:%M:%S) $(grep -o 'rps=[0-9.]*' "$out") $(grep -o 'p99_us=[0-9]*' "$out") $(grep -o 'non2xx=[0-9]*' "$out")"
total=0; per=""
for i in "${!pids[@]}"; do
  d=$(( $(ticks "${pids[$i]}") - before[i] ))
  total=$(( total + d ))
  per+=" $(( d * 1000000 / hz / n ))"
done
echo "$line  µs/write per node:$per  all: $(( total * 1000000 / hz / n ))"
