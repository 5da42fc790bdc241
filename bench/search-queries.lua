-- wrk script: cycles through realistic search requests and prints latency percentiles.
local queries = {
  "/tim-kiem?q=c%E1%BA%A3i%20c%C3%A1ch%20h%C3%A0nh%20ch%C3%ADnh",          -- cải cách hành chính
  "/tim-kiem?q=CCHC",
  "/tim-kiem?q=cai%20cach%20hanh%20chinh",
  "/tim-kiem?q=chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91",            -- chuyển đổi số
  "/tim-kiem?q=d%E1%BB%8Bch%20v%E1%BB%A5%20c%C3%B4ng%20tr%E1%BB%B1c%20tuy%E1%BA%BFn", -- dịch vụ công trực tuyến
  "/tim-kiem?q=DVCTT",
  "/tim-kiem?q=hu%E1%BA%A5n%20luy%E1%BB%87n%20chi%E1%BA%BFn%20s%C4%A9%20m%E1%BB%9Bi", -- huấn luyện chiến sĩ mới
  "/tim-kiem?q=L%C3%A0o%20Cai",                                             -- Lào Cai
  "/tim-kiem?q=M%C6%B0%E1%BB%9Dng%20T%C3%A8%20tu%E1%BA%A7n%20tra%20bi%C3%AAn%20gi%E1%BB%9Bi", -- Mường Tè tuần tra biên giới
  "/tim-kiem?q=Qu%C3%A2n%20khu%202",                                        -- Quân khu 2 (words in nearly every article)
  "/tim-kiem?q=th%E1%BB%A7%20t%E1%BB%A5c%20h%C3%A0nh%20ch%C3%ADnh%20m%E1%BB%99t%20c%E1%BB%ADa", -- thủ tục hành chính một cửa
  "/tim-kiem?q=tuyen%20quan%20nam%202022",
  "/tim-kiem?q=ph%C3%B2ng%20ch%E1%BB%91ng%20thi%C3%AAn%20tai%20H%C3%A0%20Giang", -- phòng chống thiên tai Hà Giang
  "/tim-kiem?q=an%20to%C3%A0n%20th%C3%B4ng%20tin&chuyen-muc=chinh-phu-dien-tu",
  "/tim-kiem?q=B%E1%BB%99%20Ch%E1%BB%89%20huy%20Qu%C3%A2n%20s%E1%BB%B1%20t%E1%BB%89nh%20S%C6%A1n%20La", -- Bộ Chỉ huy Quân sự tỉnh Sơn La
  "/tim-kiem?q=x%C3%A2y%20d%E1%BB%B1ng%20Ch%C3%ADnh%20ph%E1%BB%A7%20%C4%91i%E1%BB%87n%20t%E1%BB%AD&trang=2",
  "/tim-kiem?q=v%C4%83n%20b%E1%BA%A3n%20%C4%91i%E1%BB%81u%20h%C3%A0nh&tu=2022-01-01&den=2023-12-31",
  "/tim-kiem?q=%C4%90inh%20M%E1%BA%A1nh%20Ph%C3%A1c",                      -- Đinh Mạnh Phác
  "/tim-kiem?q=nong%20thon%20moi",
  "/tim-kiem?q=t%C4%83ng%20gia%20s%E1%BA%A3n%20xu%E1%BA%A5t&chuyen-muc=hau-can-ky-thuat",
}
local i = 0
request = function()
  i = (i % #queries) + 1
  return wrk.format("GET", queries[i])
end

-- The RESULT line (percentiles) is the same for every scenario.
dofile("bench/percentiles.lua")
