-- POST /api/auth/request-email-confirmation: every request a fresh address, and a valid bearer
-- token of one of the seeded accounts (round robin). Arguments: <token file> <run tag>.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

sent = 0
local tokens, n, tag, head

function init(args)
  tokens, n = {}, 0
  for line in io.lines(args[1]) do
    n = n + 1
    tokens[n] = line
  end
  tag = args[2]
  head = "POST " .. wrk.path .. " HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port ..
         "\r\nContent-Type: application/json\r\nAuthorization: Bearer "
end

function request()
  sent = sent + 1
  local body = '{"email":"' .. tag .. "." .. tid .. "." .. sent .. '@bench.example.org"}'
  local token = tokens[(sent * 7 + tid * 131) % n + 1]
  return head .. token .. "\r\nContent-Length: " .. #body .. "\r\n\r\n" .. body
end
