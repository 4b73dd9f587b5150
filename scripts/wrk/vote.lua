-- POST /vote that never collides: wrk thread i of n walks its own slice of post ids, adding its vote on the first
-- pass (dir 1), removing it on the next (dir 0), and so on, so every answer should be 201. The bench user must start
-- with no votes. Arguments after --: number of posts, number of wrk threads (-t).
--
-- wrk calls request() once on the first thread's state before the run, to check the request, and never sends
-- what it gets: that thread's walk would lose its first vote and meet a 404 on the way back. So the first thread
-- answers that call with a request outside the walk.
dofile("scripts/wrk/numbered-threads.lua")

function init(args)
  local posts, threads = tonumber(args[1]), tonumber(args[2])
  first = math.floor((id - 1) * posts / threads) + 1
  last = math.floor(id * posts / threads)
  post, dir = first, 1
  checked = id ~= 1
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  if not checked then
    checked = true
    return wrk.format("GET", "/health")
  end
  local body = string.format('{"post_id": %d, "dir": %d}', post, dir)
  post = post + 1
  if post > last then
    post, dir = first, 1 - dir
  end
  return wrk.format("POST", "/vote", nil, body)
end
