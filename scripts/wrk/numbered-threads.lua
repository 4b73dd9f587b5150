-- Numbers wrk's threads 1..n: each thread's init() then reads its own number as the global id. Loaded with dofile by
-- the scripts that give each thread its own slice of the work (wrk runs from the repository root).
local created = 0

function setup(thread)
  created = created + 1
  thread:set("id", created)
end
