-- Shared by the wrk scripts of scripts/benchmark-raft.sh (loaded with dofile from the script's
-- own directory). Not a wrk script by itself.
--
-- Gives each wrk thread an id (setup), counts non-2xx responses per thread (response), and
-- prints one machine-readable RESULT line at the end (done), which benchmark-raft.sh parses:
--   RESULT requests=.. non2xx=.. ok=.. rps=.. p50_us=.. p99_us=.. connect=.. read=.. write=.. timeout=.. status=..
-- plus the first error response seen, if any. A run with errors therefore says so.
local M = {}

local threads = {}

-- Runs in wrk's main Lua state, once per thread, before that thread's init().
function M.setup(thread)
   thread:set("tid", #threads)
   table.insert(threads, thread)
end

-- Per-thread state (each wrk thread has its own Lua state, so these globals are per thread).
non2xx = 0
first_error = ""

function M.response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      if first_error == "" then
         first_error = tostring(status) .. " " .. string.sub(body or "", 1, 300):gsub("[\r\n]", " ")
      end
   end
end

function M.done(summary, latency, requests)
   local bad, first = 0, ""
   for _, t in ipairs(threads) do
      bad = bad + (t:get("non2xx") or 0)
      local e = t:get("first_error") or ""
      if first == "" and e ~= "" then first = e end
   end
   local secs = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d non2xx=%d ok=%d rps=%.1f p50_us=%d p99_us=%d connect=%d read=%d write=%d timeout=%d status=%d\n",
      summary.requests, bad, summary.requests - bad, summary.requests / secs,
      latency:percentile(50.0), latency:percentile(99.0),
      e.connect, e.read, e.write, e.timeout, e.status))
   if bad > 0 then
      io.write(string.format("ERRORS %d non-2xx responses; first: %s\n", bad, first))
   end
end

local b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

-- Standard base64 with padding (pure Lua, no bit library needed).
function M.base64(s)
   local out = {}
   for i = 1, #s, 3 do
      local a, b, c = string.byte(s, i, i + 2)
      local n = a * 65536 + (b or 0) * 256 + (c or 0)
      local c1 = math.floor(n / 262144) % 64
      local c2 = math.floor(n / 4096) % 64
      local c3 = math.floor(n / 64) % 64
      local c4 = n % 64
      out[#out + 1] = b64chars:sub(c1 + 1, c1 + 1) .. b64chars:sub(c2 + 1, c2 + 1)
         .. (b and b64chars:sub(c3 + 1, c3 + 1) or "=") .. (c and b64chars:sub(c4 + 1, c4 + 1) or "=")
   end
   return table.concat(out)
end

-- A JSON-safe filler string of exactly n characters (letters and digits, not all one byte).
function M.filler(n)
   local alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
   local out, x = {}, 12345
   for i = 1, n do
      x = (x * 1103515245 + 12345) % 2147483648
      local k = math.floor(x / 65536) % #alphabet
      out[i] = alphabet:sub(k + 1, k + 1)
   end
   return table.concat(out)
end

return M
