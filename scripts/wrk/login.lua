-- POST /login (form-encoded) walking the seeded users user1..userN@example.com, each thread from its own offset.
-- Every seeded password is password123. Arguments after --: number of users, wrk threads (-t), connections per
-- thread, spread in ms. Each connection's first request waits its share of the spread, so the connections do not
-- all start, share the cores and finish together, in waves, for the whole run.
dofile("scripts/wrk/numbered-threads.lua")

function init(args)
  users, threads, per_thread, spread = tonumber(args[1]), tonumber(args[2]), tonumber(args[3]), tonumber(args[4])
  user = math.floor((id - 1) * users / threads)
  started = 0
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function delay()
  if started < per_thread then
    started = started + 1
    return math.floor(((started - 1) * threads + id - 1) * spread / (per_thread * threads))
  end
  return 0
end

function request()
  user = user % users + 1
  return wrk.format("POST", "/login", nil, "username=user" .. user .. "%40example.com&password=password123")
end
