-- One wrk script for every endpoint of the benchmark (bench/run.sh).
-- Environment:
--   BENCH_MODE   ok | get-session | list-accounts | update-user | sign-in
--   BENCH_USERS  a file with one "email<TAB>password<TAB>token" line per benchmark user
--   BENCH_OUT    where done() writes the run's numbers as one JSON object
-- Requests rotate over the users, so every connection keeps using different sessions and
-- accounts (no one row gets all the traffic). All requests are prepared in init(), so wrk spends
-- no time building them while it measures.

local mode = os.getenv("BENCH_MODE") or "ok"
local usersFile = os.getenv("BENCH_USERS")
local out = os.getenv("BENCH_OUT")
local base = "/api/auth"

local requests = {}
local next = 1

local function users()
  local list = {}
  if usersFile == nil then
    return list
  end
  for line in io.lines(usersFile) do
    local email, password, token = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
    if email ~= nil then
      list[#list + 1] = { email = email, password = password, token = token }
    end
  end
  return list
end

local function json(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function init(args)
  if mode == "ok" then
    requests[1] = wrk.format("GET", base .. "/ok")
    return
  end
  local list = users()
  if #list == 0 then
    error("no users in " .. tostring(usersFile))
  end
  for i, u in ipairs(list) do
    local auth = { ["Authorization"] = "Bearer " .. u.token }
    if mode == "get-session" then
      requests[#requests + 1] = wrk.format("GET", base .. "/get-session", auth)
    elseif mode == "list-accounts" then
      requests[#requests + 1] = wrk.format("GET", base .. "/list-accounts", auth)
    elseif mode == "update-user" then
      -- Two names per user, alternated, so every update really changes the row.
      for _, name in ipairs({ "Bench User " .. i, "Bench User " .. i .. " (renamed)" }) do
        local headers = { ["Authorization"] = "Bearer " .. u.token, ["Content-Type"] = "application/json" }
        requests[#requests + 1] = wrk.format("POST", base .. "/update-user", headers, '{"name":' .. json(name) .. '}')
      end
    elseif mode == "sign-in" then
      local headers = { ["Content-Type"] = "application/json" }
      local body = '{"email":' .. json(u.email) .. ',"password":' .. json(u.password) .. '}'
      requests[#requests + 1] = wrk.format("POST", base .. "/sign-in/email", headers, body)
    else
      error("unknown BENCH_MODE " .. mode)
    end
  end
  -- Each wrk thread starts at its own place in the rotation.
  next = math.random(#requests)
end

function request()
  local r = requests[next]
  next = next + 1
  if next > #requests then
    next = 1
  end
  return r
end

function done(summary, latency, requests)
  if out == nil then
    return
  end
  local e = summary.errors
  local f = assert(io.open(out, "w"))
  f:write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"max":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
  f:close()
end
