#!/usr/bin/env bash
# Failover time of a 3-node Coffer cluster: SIGKILL the active node, time until the first 2xx
# kv-v2 write through a surviving node; restart + unseal the killed node; repeat; min/median/max.
# The work is done by scripts/failover_time.py (python3, standard library only).
# Usage: scripts/failover-time.sh --addrs A1,A2,A3 (--pids P1,P2,P3 | --pid-dir DIR) \
#          --init init.json --restart-cmd 'CMD with {node}' [--runs 5] [--token T]
#        scripts/failover-time.sh --help      (all options)
set -euo pipefail
exec python3 "$(cd "$(dirname "$0")" && pwd)/failover_time.py" "$@"
