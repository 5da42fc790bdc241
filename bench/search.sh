#!/usr/bin/env bash
# Search latency on generated articles (issue 5): one connection, from wrk in a second process on
# 127.0.0.1, against the portal built in Release on SQLite. Reports p50/p95/p99 of 20 rotating
# realistic queries, and the same for /healthz (no work: the baseline) measured in the same run.
#   ARTICLES=100000 DURATION=20s bench/search.sh
# KEEP_INDEX=1 reuses the index of the last run instead of timing a fresh build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
articles=${ARTICLES:-100000}
duration=${DURATION:-20s}
port=${PORT:-5081}
data="$root/bench/.data"
db="$data/search-$articles.db"
index="$data/search-index-$articles"
mkdir -p "$data"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null; then
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

dotnet build -c Release -nologo -v:q -clp:ErrorsOnly bench/NewsPortal.Bench/NewsPortal.Bench.csproj
if [ ! -f "$db" ]; then
  echo "Generating $articles articles into $db ..."
  rm -f "$db" "$db-wal" "$db-shm"
  dotnet bench/NewsPortal.Bench/bin/Release/net10.0/NewsPortal.Bench.dll generate --provider Sqlite --connection "Data Source=$db" --articles "$articles"
fi
if [ -z "${KEEP_INDEX:-}" ]; then rm -rf "$index"; fi

log="$data/search-portal.log"
(cd src/NewsPortal.Web && ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
  Database__ConnectionString="Data Source=$db" Database__ApplyMigrationsOnStartup=true Seed__Enabled=false \
  Search__IndexPath="$index" Scheduling__Enabled=false \
  Serilog__WriteTo__File__Args__path="$data/logs/search-.log" \
  exec dotnet bin/Release/net10.0/NewsPortal.Web.dll >"$log" 2>&1) &
portal=$!
trap 'kill $portal 2>/dev/null; wait $portal 2>/dev/null || true' EXIT

base="http://127.0.0.1:$port"
until curl -fsS -o /dev/null "$base/healthz" 2>/dev/null; do sleep 0.2; done
started=$(date +%s.%N)
# The first search waits for this node's first index build (503 until it is done).
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/tim-kiem?q=qu%C3%A2n")" = 200 ]; do sleep 0.5; done
built=$(date +%s.%N)
echo "Index of $articles articles ready in $(awk "BEGIN{printf \"%.1f\", $built - $started}") s; size $(du -sh "$index" | cut -f1)"

# Warm-up (JIT, caches), then the measured runs.
wrk -t1 -c1 -d5s -s bench/search-queries.lua "$base" >/dev/null
search=$(wrk -t1 -c1 -d"$duration" -s bench/search-queries.lua "$base" | grep '^RESULT')
health=$(wrk -t1 -c1 -d"$duration" -s bench/percentiles.lua "$base/healthz" | grep '^RESULT')
rss_kb=$(grep VmHWM "/proc/$(pgrep -f 'NewsPortal.Web.dll' | head -1)/status" | awk '{print $2}')

field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
echo
echo "| Scenario ($articles articles, 1 connection, $duration) | req/s | p50 ms | p95 ms | p99 ms | errors |"
echo "|---|---|---|---|---|---|"
echo "| search, 20 rotating queries | $(field "$search" rps) | $(field "$search" p50_ms) | $(field "$search" p95_ms) | $(field "$search" p99_ms) | $(field "$search" errors) |"
echo "| /healthz (baseline: no work) | $(field "$health" rps) | $(field "$health" p50_ms) | $(field "$health" p95_ms) | $(field "$health" p99_ms) | $(field "$health" errors) |"
echo
echo "search p95 = $(awk "BEGIN{printf \"%.1f\", $(field "$search" p95_ms) / $(field "$health" p95_ms)}")× the baseline's p95; goal p95 ≤ 30 ms"
echo "portal peak RSS: $((rss_kb / 1024)) MiB"
