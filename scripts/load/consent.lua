-- Cross-check of load.mjs's consent scenario with wrk (Debian's wrk 4.1):
--   wrk -t2 -c16 -d20s --latency -s scripts/load/consent.lua http://localhost:19181
-- Grants with new evidence for one of 500 subjects (load-0 .. load-499, given consent by load.mjs).
wrk.method = "PUT"
wrk.headers["Authorization"] = "Basic Ym90OmJvdC1kZXY=" -- bot:bot-dev, the development user
wrk.headers["Content-Type"] = "application/json"
local n = 0
function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6)) -- each thread its own sequence
end
request = function()
  n = n + 1
  local path = "/api/v1/subjects/load-" .. math.random(0, 499) .. "/consents/support-handoff"
  local body = '{"noticeVersion":"2026-11","channel":"load","evidence":"message ' .. n .. '-' .. math.random(1, 1e9) .. '"}'
  return wrk.format(nil, path, nil, body)
end
