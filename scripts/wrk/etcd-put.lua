-- wrk script: etcd v3 JSON gateway puts (POST /v3/kv/put, base64 key and value), one distinct
-- key per request: <prefix><thread>-<n>. Used by scripts/benchmark-raft.sh.
--   wrk -t2 -c16 -d10s --latency -s scripts/wrk/etcd-put.lua http://127.0.0.1:23790 -- <prefix> [value-chars]
-- The value is a ~700-byte JSON document {"value":"<value-chars filler>"} (default 700 chars).
-- wrk does not expose which connection a request goes out on, so keys are per thread (a
-- per-thread counter); they are still distinct across all connections.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local c = dofile(here .. "common.lua")

setup = c.setup
response = c.response
done = c.done

local prefix, value_b64
local n = 0

function init(args)
   prefix = args[1] or "bench/"
   local chars = tonumber(args[2] or "700")
   value_b64 = c.base64('{"value":"' .. c.filler(chars) .. '"}')
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   n = n + 1
   local key = prefix .. tid .. "-" .. n
   return wrk.format(nil, "/v3/kv/put", nil, '{"key":"' .. c.base64(key) .. '","value":"' .. value_b64 .. '"}')
end
