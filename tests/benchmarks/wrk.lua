-- wrk script for `make bench`: POSTs BENCH_BODY, or GETs when BENCH_BODY is empty; in the body,
-- @FIRST@ becomes a number from 91 to 100 and @ISO@ one of BENCH_ISOS (so variables vary, the text
-- does not). Prints one JSON line of what it measured.
local body = os.getenv("BENCH_BODY") or ""
local token = os.getenv("BENCH_TOKEN")
local secret = os.getenv("BENCH_SECRET")
local isos = {}
for iso in string.gmatch(os.getenv("BENCH_ISOS") or "GEO", "%a+") do table.insert(isos, iso) end
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
if secret and secret ~= "" then wrk.headers["X-Hub-Gateway-Secret"] = secret end

request = function()
  local first = tostring(math.random(91, 100))
  if body == "" then
    return wrk.format("GET", wrk.path .. "?first=" .. first)
  end
  wrk.headers["Content-Type"] = "application/json"
  local text = body:gsub("@FIRST@", first):gsub("@ISO@", isos[math.random(#isos)])
  return wrk.format("POST", nil, nil, text)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%f,"errors":%d,"non2xx":%d,"p50":%f,"p95":%f,"p99":%f}\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
