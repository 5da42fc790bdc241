-- wrk script: requests the paths listed one per line in the file named by $PATHS, in turn, each
-- thread from its own starting point (a cold-cache article load: every request another article).
-- Prints the RESULT line of percentiles.lua.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local threads, counter = 0, 0
setup = function(thread)
  threads = threads + 1
  thread:set("start", threads * 7919)
end
init = function()
  counter = tonumber(wrk.thread:get("start")) or 0
end
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

dofile("bench/percentiles.lua")
