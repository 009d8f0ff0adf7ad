-- wrk script: Coffer (Vault API) kv-v2 writes, one distinct secret per request:
--   POST /v1/secret/data/<prefix><thread>-<n>   {"data":{"value":"<value-chars filler>"}}
-- with X-Vault-Token from the environment variable COFFER_TOKEN (kept off the command line).
-- Used by scripts/benchmark-raft.sh.
--   COFFER_TOKEN=... wrk -t2 -c16 -d10s --latency -s scripts/wrk/coffer-kv-put.lua http://127.0.0.1:8200 -- <prefix> [value-chars] [mount]
-- prefix is a path under the mount, e.g. bench/run1-c16/ ; value-chars defaults to 700; mount to secret.
-- wrk does not expose which connection a request goes out on, so names are per thread (a
-- per-thread counter); they are still distinct across all connections.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local c = dofile(here .. "common.lua")

setup = c.setup
response = c.response
done = c.done

local base, body
local n = 0

function init(args)
   local prefix = args[1] or "bench/"
   local chars = tonumber(args[2] or "700")
   local mount = args[3] or "secret"
   base = "/v1/" .. mount .. "/data/" .. prefix
   body = '{"data":{"value":"' .. c.filler(chars) .. '"}}'
   local token = os.getenv("COFFER_TOKEN")
   if token == nil or token == "" then
      io.stderr:write("coffer-kv-put.lua: COFFER_TOKEN is not set\n")
      os.exit(2)
   end
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
   wrk.headers["X-Vault-Token"] = token
end

function request()
   n = n + 1
   return wrk.format(nil, base .. tid .. "-" .. n, nil, body)
end
