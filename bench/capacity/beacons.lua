-- wrk script for the capacity benchmark: realistic page views of 5 web-vitals metrics each, as browsers behind a
-- load balancer send them — 20 tenants (their keys in CAP_KEYS), ~200 routes, 3 devices, ids never repeated, every
-- view from its own address (X-Forwarded-For; ingest trusts the loopback proxy). Each connection waits CAP_DELAY_MS
-- between requests, so connections × 1000 / delay is the offered rate while the service keeps up.
local keys = {}
for key in string.gmatch(os.getenv("CAP_KEYS") or "", "[^,]+") do keys[#keys + 1] = key end
local origin = os.getenv("CAP_ORIGIN")
local delay_ms = tonumber(os.getenv("CAP_DELAY_MS") or "0")
local devices = {"mobile", "desktop", "tablet"}
local sections = {"weddings", "clients", "guests", "timeline", "vendors", "photos", "invoices", "forms"}
local views = {"overview", "list", "detail", "edit", "share", "settings", "print", "search", "import", "export",
  "calendar", "budget", "seating", "tasks", "notes", "files", "messages", "payments", "reports", "archive",
  "gallery", "menu", "music", "travel", "gifts"}
local counter = 0
local thread_id = 0
local metrics = {{"LCP", 2400, 900}, {"FCP", 1200, 500}, {"TTFB", 500, 300}, {"CLS", 0.05, 0.08}, {"INP", 180, 150}}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function init(args)
  math.randomseed(os.time() + (id or 0))
end

function delay()
  return delay_ms
end

function request()
  counter = counter + 1
  local n = counter * 7919 + (id or 0) * 104729
  local key = keys[(n % #keys) + 1]
  local route = "/" .. sections[(n % #sections) + 1] .. "/" .. math.floor(n / 13) % 100000 .. "/" .. views[(math.floor(n / 7) % #views) + 1]
  local parts = {}
  for i, m in ipairs(metrics) do
    local value = math.max(0, m[2] + (math.random() - 0.5) * 2 * m[3])
    parts[i] = string.format('{"name":"%s","value":%.3f,"delta":%.3f,"id":"v5-%d-%d-%d","navigationType":"navigate"}',
      m[1], value, value, id or 0, counter, i)
  end
  local body = string.format('{"page":"http://localhost:5173%s","device":"%s","connection":"4g","metrics":[%s]}',
    route, devices[(n % 3) + 1], table.concat(parts, ","))
  local headers = {
    ["Content-Type"] = "text/plain;charset=UTF-8",
    ["Origin"] = origin,
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", n % 200, math.floor(n / 200) % 250, math.floor(n / 50000) % 250 + 1),
  }
  return wrk.format("POST", "/v1/rum?key=" .. key, headers, body)
end

dofile("ingest-service/bench/result.lua")
