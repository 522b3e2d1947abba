-- The no-work route: a GET answered from memory (no database, no mail). Only counts and reports.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

sent = 0
local req

function init(args)
  req = wrk.format("GET", wrk.path)
end

function request()
  sent = sent + 1
  return req
end
