-- wrk script for bench:http: every request is one fan's reservation, with that fan's own session cookie, address
-- and request key, read from a file of "cookie<TAB>x-forwarded-for<TAB>body" lines. Thread k of n takes lines
-- k+1, k+1+n, …; once a thread has sent each of its fans once it stops (or, with "loop", starts over).
-- Arguments (after --): <fans file> <cookie name> <path> <threads> [loop]
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file, cookieName, path, n, mode = args[1], args[2], args[3], tonumber(args[4]), args[5]
  loop = mode == "loop"
  requests = {}
  local line_no = 0
  for line in io.lines(file) do
    if line_no % n == id then
      local cookie, forwarded, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      requests[#requests + 1] = wrk.format("POST", path, {
        ["Content-Type"] = "application/json",
        ["Cookie"] = cookieName .. "=" .. cookie,
        ["X-Forwarded-For"] = forwarded,
      }, body)
    end
    line_no = line_no + 1
  end
  sent, answered = 0, 0
  created, replayed, sold_out, limit, other409, limited, server_errors, other = 0, 0, 0, 0, 0, 0, 0, 0
end

function request()
  sent = sent + 1
  local i = sent
  if i > #requests then
    i = loop and ((i - 1) % #requests) + 1 or #requests
  end
  return requests[i]
end

function response(status, headers, body)
  answered = answered + 1
  if status == 201 then created = created + 1
  elseif status == 200 then replayed = replayed + 1
  elseif status == 409 then
    if body:find("sold_out", 1, true) then sold_out = sold_out + 1
    elseif body:find("limit_reached", 1, true) then limit = limit + 1
    else other409 = other409 + 1 end
  elseif status == 429 then limited = limited + 1
  elseif status >= 500 then server_errors = server_errors + 1
  else other = other + 1 end
  if not loop and answered >= #requests then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local total = {}
  local names = { "created", "replayed", "sold_out", "limit", "other409", "limited", "server_errors", "other" }
  for _, name in ipairs(names) do total[name] = 0 end
  for _, thread in ipairs(threads) do
    for _, name in ipairs(names) do total[name] = total[name] + (thread:get(name) or 0) end
  end
  local parts = {}
  for _, name in ipairs(names) do parts[#parts + 1] = string.format('"%s":%d', name, total[name]) end
  io.write("KITE {" .. table.concat(parts, ",") .. "}\n")
end
