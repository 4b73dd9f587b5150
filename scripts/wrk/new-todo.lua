-- POST /todos with valid JSON bodies in Japanese: titles within the 30-character limit, priorities 1..5, a due
-- date on most. Each thread numbers its own todos. The Authorization header comes from wrk's -H.
dofile("scripts/wrk/numbered-threads.lua")

function init(args)
  n = 0
  wrk.headers["Content-Type"] = "application/json; charset=utf-8"
end

function request()
  n = n + 1
  local due = "null"
  if n % 4 ~= 0 then
    due = string.format('"2027-%02d-%02d"', n % 12 + 1, n % 28 + 1)
  end
  local body = string.format(
    '{"title": "ベンチ %d-%d", "memo": "牛乳と卵を買う。締め切りに注意 (%d)", "priority": %d, "due_date": %s}',
    id, n, n, n % 5 + 1, due)
  return wrk.format("POST", "/todos", nil, body)
end
