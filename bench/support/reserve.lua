-- wrk script for bench:http: every request is one fan's, with that fan's own session cookie, address and body, read
-- from a file of "cookie<TAB>x-forwarded-for<TAB>body[<TAB>path]" lines (a POST of the body to the path given below
-- or the line's own; an empty body is a GET: the checkout-line poll). Thread k of n takes lines
-- k+1, k+1+n, …; once a thread has sent each of its fans once it stops (or, with "loop", starts over).
-- Arguments (after --): <fans file> <cookie name> <path> <threads> <loop|once> [done-file prefix]
-- wrk runs for its whole -d however early its threads stop, so a thread that is done writes <prefix><id> and the
-- caller interrupts wrk (SIGINT: wrk then reports as usual) once every thread has, or earlier (sold out). A
-- connection that finds its thread's fans all sent repeats the last one (a replay of a request key).
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file, cookieName, path, n, mode = args[1], args[2], args[3], tonumber(args[4]), args[5]
  loop = mode == "loop"
  done_file = args[6] and (args[6] .. id) or nil
  requests = {}
  local line_no = 0
  for line in io.lines(file) do
    if line_no % n == id then
      local cookie, forwarded, body, own_path = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
      local headers = { ["Cookie"] = cookieName .. "=" .. cookie, ["X-Forwarded-For"] = forwarded }
      if body == "" then
        requests[#requests + 1] = wrk.format("GET", own_path ~= "" and own_path or path, headers)
      else
        headers["Content-Type"] = "application/json"
        requests[#requests + 1] = wrk.format("POST", own_path ~= "" and own_path or path, headers, body)
      end
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
  elseif status == 200 then replayed = replayed + 1 -- a replayed reservation, or a line poll
  elseif status == 409 then
    if body:find("sold_out", 1, true) then sold_out = sold_out + 1
    elseif body:find("limit_reached", 1, true) then limit = limit + 1
    else other409 = other409 + 1 end
  elseif status == 429 then limited = limited + 1
  elseif status >= 500 then server_errors = server_errors + 1
  else other = other + 1 end
  if not loop and answered == #requests then
    if done_file then
      local f = io.open(done_file, "w")
      if f then f:close() end
    end
    wrk.thread:stop()
  end
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
