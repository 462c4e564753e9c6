-- wrk script: POST /api/v1/escalations with a new conversation id per request, for subjects whose
-- consent to support-handoff the driver granted beforehand (SUBJECTS of them, named load-<n>).
local counter = 0
local thread_id = 0
local subjects = tonumber(os.getenv("SUBJECTS") or "200")
local run = os.getenv("RUN") or tostring(os.time())

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function request()
  counter = counter + 1
  local subject = "load-" .. (counter % subjects)
  local body = '{"conversationId":"load-' .. run .. '-' .. tid .. '-' .. counter .. '","subjectId":"' .. subject ..
    '","language":"pl","reason":"Reklamacja","customer":{"name":"Jan Kowalski","email":"jan.kowalski@example.com",' ..
    '"phone":"+48 601 234 567"},"transcript":[{"from":"CUSTOMER","text":"Dzień dobry, karta 4111 1111 1111 1111 ' ..
    'została obciążona dwa razy, proszę o zwrot. Mój numer to 601 234 567.","at":"2026-11-29T10:00:00Z"},' ..
    '{"from":"BOT","text":"Przekazuję rozmowę do konsultanta.","at":"2026-11-29T10:00:04Z"}]}'
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end  -- the -H headers (authorization)
  headers["Content-Type"] = "application/json"
  return wrk.format("POST", "/api/v1/escalations", headers, body)
end
