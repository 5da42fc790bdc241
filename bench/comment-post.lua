-- wrk script: posts reader comments through the real form, as many readers at once would.
-- $FORMS names a file of "slug<TAB>form token" lines (tokens read from the article pages at least
-- the minimum fill time earlier). Each request has its own e-mail address, body and client address
-- (X-Forwarded-For from loopback, which the portal trusts by default), so the flood and duplicate
-- checks see different readers. An accepted comment is answered 303 (to the pending view); the
-- RESULT line adds accepted=N, which the caller compares with the rows in the database.
local forms = {}
for line in io.lines(os.getenv("FORMS")) do
  local slug, token = line:match("^([^\t]+)\t(.+)$")
  if slug then forms[#forms + 1] = { slug = slug, token = token } end
end
local origin = os.getenv("ORIGIN")
-- The warm-up run has addresses of its own, so the measured run is counted alone and its
-- readers are not held back by the flood check as repeats of the warm-up's.
local warm = os.getenv("WARMUP") ~= nil
local run = (os.getenv("RUN") or "0") .. (warm and "-w" or "")

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = {}
setup = function(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

-- Globals: done() reads each thread's count with thread:get.
id, counter, accepted = 0, 0, 0
init = function()
  id = tonumber(wrk.thread:get("id"))
end

request = function()
  counter = counter + 1
  local form = forms[(counter % #forms) + 1]
  local n = id * 10000000 + counter
  local body = "Body=" .. encode("Ý kiến số " .. n .. " của bạn đọc: thủ tục một cửa ở xã tôi đã nhanh hơn, mong đơn vị tiếp tục phát huy.")
    .. "&Name=" .. encode("Bạn đọc " .. n)
    .. "&Email=" .. encode("bench-" .. run .. "-" .. n .. "@example.vn")
    .. "&Website=&Phone=&FormToken=" .. encode(form.token)
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin,
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", id + (warm and 100 or 0), math.floor(counter / 250) % 250, counter % 250 + 1),
  }
  return wrk.format("POST", "/bai-viet/" .. form.slug .. "/binh-luan", headers, body)
end

response = function(status, headers, body)
  if status == 303 then accepted = accepted + 1 end
end

done = function(summary, latency, requests)
  local total_accepted = 0
  for _, thread in ipairs(threads) do
    total_accepted = total_accepted + (tonumber(thread:get("accepted")) or 0)
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f accepted=%d\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, total_accepted))
end
