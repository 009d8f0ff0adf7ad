#!/usr/bin/env python3
"""Failover time of a 3-node Coffer (or Vault) cluster: from SIGKILL of the active node to the
first successful (2xx) kv-v2 write through a surviving node. Run through scripts/failover-time.sh;
see --help. Standard library only.

Each run:
  1. waits until exactly one node is active and the others are unsealed standbys;
  2. starts one writer per surviving node: PUT /v1/<mount>/data/<path> every ~50 ms, 1 s timeout,
     new connection per attempt (a 307 to the active node is followed once);
  3. once every writer has had a 2xx, SIGKILLs the active node (checking that its address stops
     answering, so a wrong pid is caught) and measures kill -> first 2xx write *sent after* the kill;
  4. restarts the killed node with --restart-cmd, unseals it with the first t keys of init.json's
     unseal_keys_b64, and waits for it to be a standby again.
Prints every run and min/median/max. The cluster is left running (restarted nodes keep running,
their output goes to --log-dir).
"""
import argparse
import http.client
import json
import os
import signal
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter


def log(msg):
    print(msg, flush=True)


class Node:
    def __init__(self, index, addr):
        self.index = index                  # 1-based
        self.addr = addr.rstrip("/")
        u = urllib.parse.urlsplit(self.addr)
        if u.scheme not in ("http", "https") or not u.hostname:
            raise SystemExit(f"not an http(s) address: {addr}")
        self.pid = None
        self.proc = None                    # Popen when this tool (re)started the node

    @property
    def name(self):
        return f"node{self.index}"

    def __str__(self):
        return f"{self.name} ({self.addr})"


class Client:
    def __init__(self, token, ssl_context):
        self.token = token
        self.ctx = ssl_context

    def request(self, method, url, body=None, timeout=1.0, token=True, follow=1):
        """Returns (status, parsed-json-or-None). Raises OSError/HTTPException on transport errors."""
        u = urllib.parse.urlsplit(url)
        if u.scheme == "https":
            conn = http.client.HTTPSConnection(u.hostname, u.port or 443, timeout=timeout, context=self.ctx)
        else:
            conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=timeout)
        headers = {"Connection": "close"}
        data = None
        if token and self.token:
            headers["X-Vault-Token"] = self.token
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            path = u.path + (("?" + u.query) if u.query else "")
            conn.request(method, path, body=data, headers=headers)
            resp = conn.getresponse()
            raw = resp.read()
            if resp.status in (307, 308) and follow > 0 and resp.getheader("Location"):
                loc = urllib.parse.urljoin(url, resp.getheader("Location"))
                return self.request(method, loc, body, timeout, token, follow - 1)
            try:
                parsed = json.loads(raw) if raw else None
            except ValueError:
                parsed = None
            return resp.status, parsed
        finally:
            conn.close()


def proc_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:                                    # a zombie is dead for our purposes
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return True


def health_code(client, node, timeout=1.0):
    try:
        status, _ = client.request("GET", node.addr + "/v1/sys/health", timeout=timeout, token=False, follow=0)
        return status
    except (OSError, http.client.HTTPException):
        return None


def is_active(client, node):
    """True/False, or None when the node does not answer."""
    try:
        status, body = client.request("GET", node.addr + "/v1/sys/leader", token=False, follow=0)
    except (OSError, http.client.HTTPException):
        return None
    if status == 200 and isinstance(body, dict) and body.get("ha_enabled"):
        return bool(body.get("is_self"))
    code = health_code(client, node)        # no HA report: sys/health 200 means active
    return None if code is None else code == 200


def wait_for_cluster(client, nodes, deadline_s):
    """Waits until exactly one node is active and every other one answers sys/health with 429
    (unsealed standby) or 473 (performance standby). Returns the active node."""
    end = time.monotonic() + deadline_s
    last = ""
    while time.monotonic() < end:
        states = {n.name: (is_active(client, n), health_code(client, n)) for n in nodes}
        active = [n for n in nodes if states[n.name][0] is True]
        others_ok = all(states[n.name][1] in (429, 473) for n in nodes if n not in active)
        if len(active) == 1 and others_ok:
            return active[0]
        last = ", ".join(f"{k}: active={a} health={h}" for k, (a, h) in states.items())
        time.sleep(0.2)
    raise SystemExit(f"cluster not ready after {deadline_s:.0f} s ({last}); "
                     "expected one active node and two unsealed standbys (sys/health 429)")


def ensure_kv2(client, node, mount):
    status, body = client.request("GET", f"{node.addr}/v1/sys/mounts", timeout=5)
    if status != 200:
        raise SystemExit(f"GET sys/mounts on {node}: {status} {body}")
    mounts = body.get("data", body) if isinstance(body, dict) else {}
    m = mounts.get(mount + "/")
    if m is None:
        status, body = client.request("POST", f"{node.addr}/v1/sys/mounts/{mount}",
                                      {"type": "kv", "options": {"version": "2"}}, timeout=5)
        if not 200 <= status < 300:
            raise SystemExit(f"enabling kv-v2 at {mount}/: {status} {body}")
        log(f"enabled kv-v2 at {mount}/")
    elif str((m.get("options") or {}).get("version", "1")) != "2":
        raise SystemExit(f"{mount}/ is mounted but is not kv version 2: {m}")


class Writer(threading.Thread):
    """Writes through one node in a loop; records (sent, done, status-or-error)."""

    def __init__(self, client, node, url, interval, timeout, stop, on_success):
        super().__init__(daemon=True)
        self.client, self.node, self.url = client, node, url
        self.interval, self.timeout, self.stop = interval, timeout, stop
        self.on_success = on_success
        self.attempts = []
        self.seq = 0

    def run(self):
        while not self.stop.is_set():
            self.seq += 1
            sent = time.monotonic()
            try:
                status, _ = self.client.request("PUT", self.url, {"data": {"value": f"{self.node.name}-{self.seq}"}},
                                                timeout=self.timeout)
                outcome = status
            except (OSError, http.client.HTTPException) as e:
                outcome = "timeout" if "timed out" in str(e) else type(e).__name__
            done = time.monotonic()
            self.attempts.append((sent, done, outcome))
            if isinstance(outcome, int) and 200 <= outcome < 300:
                self.on_success(self, sent, done)
            self.stop.wait(self.interval)

    def successes(self):
        return sum(1 for _, _, o in self.attempts if isinstance(o, int) and 200 <= o < 300)


def listening_inodes(port):
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                        inodes.add(fields[9])
        except OSError:
            pass
    return inodes


def descendants(pid):
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(") ", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except (OSError, ValueError, IndexError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def server_pid(node):
    """The process listening on the node's port: the given pid or one of its descendants (a
    launcher may start the JVM as a child). None when it cannot be told (no /proc access)."""
    u = urllib.parse.urlsplit(node.addr)
    inodes = listening_inodes(u.port or (443 if u.scheme == "https" else 80))
    if not inodes:
        return None
    for p in descendants(node.pid):
        try:
            for fd in os.listdir(f"/proc/{p}/fd"):
                link = os.readlink(f"/proc/{p}/fd/{fd}")
                if link.startswith("socket:[") and link[8:-1] in inodes:
                    return p
        except OSError:
            continue
    return None


def check_pid(node):
    if node.pid is None or not proc_alive(node.pid):
        raise SystemExit(f"{node}: pid {node.pid} is not running")
    owner = server_pid(node)
    if owner is None and listening_inodes(urllib.parse.urlsplit(node.addr).port or 80):
        raise SystemExit(f"{node}: pid {node.pid} (and its children) do not listen on that address's port; "
                         "wrong pid or wrong order (node i is the i-th address)")
    return owner


def kill_node(client, node):
    owner = check_pid(node)
    t_kill = time.monotonic()
    os.kill(owner or node.pid, signal.SIGKILL)
    if node.proc is not None:
        os.killpg(node.proc.pid, signal.SIGKILL)   # we started it in its own session: its launcher too
    return t_kill


def check_dead(client, node, t_kill):
    """The killed node's address must stop answering within 2 s, else the pid was not this node."""
    while time.monotonic() - t_kill < 2.0:
        if health_code(client, node, timeout=0.3) is None:
            if node.proc is not None:
                node.proc.wait()
            return
        time.sleep(0.05)
    raise SystemExit(f"killed pid {node.pid} but {node} still answers: the pid does not belong to that node "
                     "(check --pids / --pid-dir order: node i is the i-th address)")


def read_pid_file(pid_dir, node):
    for name in (f"{node.name}.pid", f"{node.index}.pid"):
        p = os.path.join(pid_dir, name)
        try:
            with open(p) as f:
                return int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            continue
    return None


def restart_and_unseal(client, node, args, keys, log_dir):
    port = urllib.parse.urlsplit(node.addr).port or ""
    cmd = args.restart_cmd.format(node=node.index, addr=node.addr, port=port)
    old_pid = node.pid
    logf = open(os.path.join(log_dir, f"{node.name}.log"), "ab")
    t0 = time.monotonic()
    node.proc = subprocess.Popen(["bash", "-c", cmd], stdin=subprocess.DEVNULL, stdout=logf,
                                 stderr=subprocess.STDOUT, start_new_session=True)
    logf.close()
    # Wait for the HTTP listener (a sealed node answers sys/health with 503).
    while health_code(client, node, timeout=0.5) is None:
        if time.monotonic() - t0 > args.start_timeout:
            raise SystemExit(f"{node} did not answer within {args.start_timeout:.0f} s after: {cmd} "
                             f"(see {log_dir}/{node.name}.log)")
        if node.proc.poll() is not None and not args.pid_dir:
            raise SystemExit(f"restart command exited with {node.proc.returncode} and {node} is not up: {cmd}")
        time.sleep(0.1)
    t_listen = time.monotonic()
    new_pid = None
    if args.pid_dir:                                # the pid file may be written a moment later
        for _ in range(50):
            new_pid = read_pid_file(args.pid_dir, node)
            if new_pid and new_pid != old_pid and proc_alive(new_pid):
                break
            if node.proc.poll() is None and _ >= 10:    # foreground command: its pid will do
                break
            time.sleep(0.1)
    if new_pid and new_pid != old_pid and proc_alive(new_pid):
        node.pid = new_pid
        if node.proc.poll() is not None:            # the command daemonised; nothing of ours to kill by group
            node.proc = None
    elif node.proc.poll() is None:
        node.pid = node.proc.pid
    else:
        raise SystemExit(f"{node} is up but its pid is unknown: the restart command exited and "
                         f"{args.pid_dir or '(no --pid-dir)'} has no new pid for it")
    # Unseal with the first t shares.
    status, seal = client.request("GET", node.addr + "/v1/sys/seal-status", timeout=5, token=False)
    threshold = int(seal.get("t") or 3) if status == 200 and isinstance(seal, dict) else 3
    if isinstance(seal, dict) and seal.get("sealed") is False:
        log(f"   {node.name} came back unsealed")
    else:
        if len(keys) < threshold:
            raise SystemExit(f"init file has {len(keys)} unseal keys, threshold is {threshold}")
        for k in keys[:threshold]:
            status, seal = client.request("PUT", node.addr + "/v1/sys/unseal", {"key": k}, timeout=10, token=False)
            if status != 200:
                raise SystemExit(f"unseal {node}: {status} {seal}")
        if not isinstance(seal, dict) or seal.get("sealed") is not False:
            raise SystemExit(f"{node} still sealed after {threshold} shares: {seal}")
    t_unsealed = time.monotonic()
    return cmd, t_listen - t0, t_unsealed - t_listen


def summarize_failures(attempts, t_kill, t_first):
    c = Counter(str(o) for s, _, o in attempts if s >= t_kill and (t_first is None or s < t_first)
                and not (isinstance(o, int) and 200 <= o < 300))
    return ", ".join(f"{k}×{v}" for k, v in c.most_common()) or "none"


def one_run(run, client, nodes, args, keys, log_dir):
    active = wait_for_cluster(client, nodes, args.ready_timeout)
    survivors = [n for n in nodes if n is not active]
    url_path = f"/v1/{args.mount}/data/{args.path}"
    stop = threading.Event()
    first = {}
    lock = threading.Lock()
    kill_time = [None]
    got = threading.Event()

    def on_success(writer, sent, done):
        with lock:
            if kill_time[0] is not None and sent > kill_time[0] and not first:
                first.update(node=writer.node, sent=sent, done=done)
                got.set()

    writers = [Writer(client, n, n.addr + url_path, args.interval, args.timeout, stop, on_success) for n in survivors]
    for w in writers:
        w.start()
    t_kill, ok = None, False
    try:
        end = time.monotonic() + 10
        while not all(w.successes() >= 3 for w in writers):
            if time.monotonic() > end:
                detail = "; ".join(f"{w.node.name}: {summarize_failures(w.attempts, 0, None)}" for w in writers)
                raise SystemExit("writes through the standbys do not succeed before any kill "
                                 f"(need 3 × 2xx through each within 10 s): {detail}")
            time.sleep(0.05)
        with lock:
            kill_time[0] = t_kill = kill_node(client, active)
        check_dead(client, active, t_kill)
        ok = got.wait(args.give_up)
    except BaseException:
        stop.set()
        if t_kill is not None and health_code(client, active) is None:
            log(f"   aborted after killing {active}; restarting it")
            restart_and_unseal(client, active, args, keys, log_dir)
        raise
    finally:
        stop.set()
        for w in writers:
            w.join(timeout=args.timeout + 1)
    attempts = [a for w in writers for a in w.attempts]
    if not ok:
        log(f"run {run}: killed {active} (pid {active.pid}); NO successful write within {args.give_up:.0f} s "
            f"(failed attempts: {summarize_failures(attempts, t_kill, None)})")
        result = None
    else:
        ms = (first["done"] - t_kill) * 1000
        new_active = [n for n in survivors if is_active(client, n)]
        log(f"run {run}: killed {active} → first 2xx write {ms:,.0f} ms later, through {first['node'].name} "
            f"(new active: {', '.join(n.name for n in new_active) or 'unknown'}; failed attempts after the kill: "
            f"{summarize_failures(attempts, t_kill, first['sent'])})")
        result = ms
    _, t_listen, t_unseal = restart_and_unseal(client, active, args, keys, log_dir)
    log(f"   restarted {active.name} (pid {active.pid}): listening after {t_listen:.1f} s, unsealed {t_unseal:.1f} s later")
    if args.settle > 0:
        time.sleep(args.settle)
    return result


def main():
    ap = argparse.ArgumentParser(
        prog="scripts/failover-time.sh",
        description="Time from SIGKILL of the active node to the first 2xx kv-v2 write through a surviving "
                    "node, over several runs (kill, measure, restart + unseal, repeat).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="""examples:
  scripts/failover-time.sh --addrs http://127.0.0.1:8200,http://127.0.0.1:8210,http://127.0.0.1:8220 \\
      --pids 4101,4102,4103 --init /path/init.json \\
      --restart-cmd 'exec ./coffer server -config=/path/node{node}.hcl' --runs 5
  scripts/failover-time.sh --addrs ... --pid-dir /path/pids --init init.json \\
      --restart-cmd './coffer cluster start-node {node}'        # once `coffer cluster` exists

--pid-dir holds node1.pid, node2.pid, node3.pid (or 1.pid, ...), node i being the i-th address.
--restart-cmd runs under `bash -c` in its own session with {node} (1-based), {addr} and {port}
replaced; it should either run the server in the foreground (use `exec`) or write the new pid to
--pid-dir. Its output goes to --log-dir. Token: --token, else $COFFER_TOKEN, else $VAULT_TOKEN,
else root_token from the init file.""")
    ap.add_argument("--addrs", required=True, help="comma-separated API addresses of the 3 nodes")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--pids", help="comma-separated pids, in --addrs order")
    g.add_argument("--pid-dir", help="directory with node<i>.pid files (re-read after each restart)")
    ap.add_argument("--init", required=True, help="init.json as `operator init -format=json` writes it")
    ap.add_argument("--restart-cmd", required=True, help="command that starts node {node} again")
    ap.add_argument("--token", default=None)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--mount", default="secret", help="kv-v2 mount (enabled if missing; default secret)")
    ap.add_argument("--path", default="failover/probe", help="secret written under the mount")
    ap.add_argument("--interval", type=float, default=0.05, help="pause between writes per node, s (0.05)")
    ap.add_argument("--timeout", type=float, default=1.0, help="per-write timeout, s (1.0)")
    ap.add_argument("--give-up", type=float, default=60.0, help="s without a 2xx after a kill that count as a failed run")
    ap.add_argument("--settle", type=float, default=5.0, help="s to wait after a restarted node is unsealed (5)")
    ap.add_argument("--ready-timeout", type=float, default=120.0, help="s to wait for one active + two standbys")
    ap.add_argument("--start-timeout", type=float, default=120.0, help="s to wait for a restarted node to listen")
    ap.add_argument("--log-dir", default=None, help="restart command output (default: a new temp dir)")
    ap.add_argument("--ca-cert", default=None, help="CA bundle for https addresses")
    ap.add_argument("--insecure", action="store_true", help="do not verify TLS certificates")
    args = ap.parse_args()

    addrs = [a.strip() for a in args.addrs.split(",") if a.strip()]
    if len(addrs) < 3:
        ap.error("--addrs needs 3 addresses")
    nodes = [Node(i + 1, a) for i, a in enumerate(addrs)]
    if args.pids:
        pids = [int(p) for p in args.pids.split(",")]
        if len(pids) != len(nodes):
            ap.error("--pids needs one pid per address")
        for n, p in zip(nodes, pids):
            n.pid = p
    else:
        for n in nodes:
            n.pid = read_pid_file(args.pid_dir, n)
            if n.pid is None:
                ap.error(f"no {n.name}.pid in {args.pid_dir}")
    for n in nodes:
        check_pid(n)                        # exits on a dead or wrong pid

    with open(args.init) as f:
        init = json.load(f)
    keys = init.get("unseal_keys_b64") or []
    if not keys:
        raise SystemExit(f"{args.init} has no unseal_keys_b64")
    token = args.token or os.environ.get("COFFER_TOKEN") or os.environ.get("VAULT_TOKEN") or init.get("root_token")
    if not token:
        raise SystemExit("no token: --token, COFFER_TOKEN, VAULT_TOKEN or root_token in the init file")

    ctx = None
    if any(n.addr.startswith("https:") for n in nodes):
        ctx = ssl.create_default_context(cafile=args.ca_cert)
        if args.insecure:
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
    client = Client(token, ctx)
    log_dir = args.log_dir or tempfile.mkdtemp(prefix="coffer-failover.")
    os.makedirs(log_dir, exist_ok=True)

    log(f"== failover: {len(nodes)} nodes, {args.runs} runs, writes every {args.interval * 1000:.0f} ms "
        f"(timeout {args.timeout:.1f} s) through each standby, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    active = wait_for_cluster(client, nodes, args.ready_timeout)
    ensure_kv2(client, active, args.mount)
    results = []
    for run in range(1, args.runs + 1):
        results.append(one_run(run, client, nodes, args, keys, log_dir))
    ok = [r for r in results if r is not None]
    log(f"restarted nodes' output: {log_dir}")
    if ok:
        log(f"kill → first 2xx write (ms), {len(ok)} of {len(results)} runs: "
            f"min {min(ok):,.0f}  median {statistics.median(ok):,.0f}  max {max(ok):,.0f}")
    if len(ok) != len(results):
        log(f"FAILED: {len(results) - len(ok)} run(s) without a successful write within {args.give_up:.0f} s")
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
