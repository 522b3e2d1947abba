-- POST /api/auth/confirm-email with the mailed tokens the sink captured, each used once.
-- Arguments: <token file> <first line> <count> <threads>. Thread t takes lines first+t-1,
-- first+t-1+threads, ... of its share; when its share runs out it sends an unusable token
-- (answered 400, counted as "exhausted") and stops.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

sent = 0
exhausted = 0
local mine, n, head

function init(args)
  local first, count, nthreads = tonumber(args[2]), tonumber(args[3]), tonumber(args[4])
  mine, n = {}, 0
  local i = 0
  for line in io.lines(args[1]) do
    i = i + 1
    if i >= first + count then break end
    if i >= first and (i - first) % nthreads == tid - 1 then
      n = n + 1
      mine[n] = line
    end
  end
  head = "POST " .. wrk.path .. " HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port ..
         "\r\nContent-Type: application/json\r\nContent-Length: "
end

function request()
  sent = sent + 1
  local token = mine[sent]
  if token == nil then
    exhausted = exhausted + 1
    token = "exhausted"
    wrk.thread:stop()
  end
  local body = '{"token":"' .. token .. '"}'
  return head .. #body .. "\r\n\r\n" .. body
end
