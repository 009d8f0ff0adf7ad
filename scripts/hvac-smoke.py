#!/usr/bin/env python3
"""Drives a running Coffer dev server with hvac (Debian's python3-hvac, 0.11.x), a real
third-party Vault client, and fails on the first behaviour it does not accept.
Usage: hvac-smoke.py ADDRESS ROOT_TOKEN"""
import sys

import hvac

addr, root = sys.argv[1], sys.argv[2]
c = hvac.Client(url=addr, token=root)
checks = 0


def check(name, ok):
    global checks
    if not ok:
        print(f"hvac smoke: FAILED {name}")
        sys.exit(1)
    checks += 1


check("root token authenticates", c.is_authenticated())
check("initialized and unsealed", c.sys.is_initialized() and not c.sys.is_sealed())
check("health GET", c.sys.read_health_status(method="GET")["initialized"] is True)
c.secrets.kv.v2.create_or_update_secret(path="hvac/app", secret={"pw": "one"})
c.secrets.kv.v2.create_or_update_secret(path="hvac/app", secret={"pw": "two"}, cas=1)
check("kv v2 latest", c.secrets.kv.v2.read_secret_version(path="hvac/app")["data"]["data"] == {"pw": "two"})
check("kv v2 version 1", c.secrets.kv.v2.read_secret_version(path="hvac/app", version=1)["data"]["data"] == {"pw": "one"})
check("kv v2 metadata", c.secrets.kv.v2.read_secret_metadata(path="hvac/app")["data"]["current_version"] == 2)
check("kv v2 list", "app" in c.secrets.kv.v2.list_secrets(path="hvac")["data"]["keys"])
try:
    c.secrets.kv.v2.create_or_update_secret(path="hvac/app", secret={"pw": "x"}, cas=1)
    check("cas mismatch refused", False)
except hvac.exceptions.InvalidRequest:
    check("cas mismatch refused", True)
c.sys.enable_secrets_engine("kv", path="hvac-kv1", options={"version": "1"})
c.secrets.kv.v1.create_or_update_secret(path="a", secret={"x": "1"}, mount_point="hvac-kv1")
check("kv v1", c.secrets.kv.v1.read_secret(path="a", mount_point="hvac-kv1")["data"] == {"x": "1"})
check("mounts listed", "hvac-kv1/" in c.sys.list_mounted_secrets_engines()["data"])
c.sys.create_or_update_policy(name="hvac-ro", policy='path "secret/data/hvac/*" { capabilities = ["read"] }')
check("policy rules", "secret/data/hvac" in c.sys.read_policy(name="hvac-ro")["data"]["rules"])
token = c.auth.token.create(policies=["hvac-ro"], ttl="1h")["auth"]["client_token"]
ro = hvac.Client(url=addr, token=token)
check("read under policy", ro.secrets.kv.v2.read_secret_version(path="hvac/app")["data"]["data"]["pw"] == "two")
try:
    ro.secrets.kv.v2.create_or_update_secret(path="hvac/app", secret={"pw": "x"})
    check("write outside policy refused", False)
except hvac.exceptions.Forbidden:
    check("write outside policy refused", True)
check("lookup-self policies", ro.auth.token.lookup_self()["data"]["policies"] == ["default", "hvac-ro"])
c.auth.token.revoke(token)
check("revoked token no longer authenticates", not ro.is_authenticated())
check("read of a missing path is None", c.read("secret/data/hvac/none") is None)
c.sys.disable_secrets_engine(path="hvac-kv1")
print(f"hvac smoke: {checks} passed, 0 failed")
