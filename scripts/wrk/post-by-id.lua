-- GET /posts/{id} walking the ids 1..N (argument after --), each thread from its own offset.
dofile("scripts/wrk/numbered-threads.lua")

function init(args)
  posts = tonumber(args[1])
  post = (id - 1) * 7919 % posts
end

function request()
  post = post % posts + 1
  return wrk.format("GET", "/posts/" .. post)
end
