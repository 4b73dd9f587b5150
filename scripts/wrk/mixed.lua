-- Warm-up load: the read routes in turn (the Authorization header comes from wrk's -H). Argument after --: number
-- of posts.
local paths = { "/", "/health", "/posts?limit=10", "/posts/", "/todos?limit=50", "/posts?limit=10" }

function init(args)
  posts = tonumber(args[1])
  i = 0
end

function request()
  i = i + 1
  local path = paths[i % #paths + 1]
  if path == "/posts/" then
    path = path .. (i * 7919 % posts + 1)
  end
  return wrk.format("GET", path)
end
