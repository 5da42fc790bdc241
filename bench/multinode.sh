#!/usr/bin/env bash
# Several web nodes (issue 6), checked end to end on 127.0.0.1: a throwaway PostgreSQL 15 cluster,
# redis-server, two portal instances and nginx in front of them (round robin), all in one temp
# folder. The schema is made once, before any node starts, by the idempotent migration script
# (`dotnet ef migrations script --idempotent`, run twice to show the second run changes nothing);
# both nodes run with Database:ApplyMigrationsOnStartup=false, node A seeds. Then, through nginx
# (and on each node directly where the proof needs it):
#   1. sign-in:   a sign-in through nginx (password, then the authenticator code) opens /admin on
#                 node A and on node B;
#   2. eviction:  an article page cached on both nodes shows an edit made on node A at once on both;
#   3. photo:     a photo uploaded on node A is served by node B, the same bytes;
#   4. scheduler: an article scheduled a few seconds ahead becomes public through nginx, with exactly
#                 one "article.publish" audit entry although both nodes run the scheduler every second.
# Each check prints "PASS name" or "FAIL name: reason"; the exit status is non-zero if any fails.
# Everything started here is stopped, and the temp folder removed, on exit, failure or Ctrl-C.
#
#   bench/multinode.sh [PORTAL_BUILD]
# PORTAL_BUILD is the portal project's build output, src/NewsPortal.Web/bin/<Configuration>/<framework>
# (the migration script is made from it with --no-build); by default the portal is built in Release
# once. MULTINODE_TIMEOUT (seconds, default 170) bounds the whole run; KEEP_TEMP=1 keeps the temp
# folder (logs, nginx.conf) for a look afterwards; WITHOUT_REDIS=1 runs the nodes without Redis
# (each with its own key folder), where sign-in and eviction must fail.
# Needs: /usr/lib/postgresql/15/bin, redis-server, nginx, psql, curl, python3 and the repository's
# dotnet-ef tool (dotnet tool restore); nginx is installed when missing and run as root, and test.sh
# installs all of them. See docs/operations.md, "Several web nodes".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-${PORTAL_BUILD:-}}
limit=${MULTINODE_TIMEOUT:-170}
pg_bin=/usr/lib/postgresql/15/bin
python=/usr/bin/python3
[ -x "$python" ] || python=$(command -v python3 || echo python3)

say() { printf '%s\n' "$*"; }
die() { printf 'multinode: %s\n' "$*" >&2; exit 2; }

# --- What it needs ---------------------------------------------------------------------------
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ] && [ "$(id -u)" = 0 ]; then
  say "Installing nginx..."
  apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null 2>&1 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null \
    || die "could not install nginx"
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
missing=()
[ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ] || missing+=("PostgreSQL 15 server ($pg_bin; apt-get install postgresql-15)")
command -v psql >/dev/null || [ -x "$pg_bin/psql" ] || missing+=("psql (postgresql-client-15)")
[ -x /usr/bin/redis-server ] || missing+=("/usr/bin/redis-server (apt-get install redis-server)")
[ -x "$nginx_bin" ] || missing+=("nginx (apt-get install nginx-light)")
command -v curl >/dev/null || missing+=("curl")
command -v "$python" >/dev/null || missing+=("python3")
[ ${#missing[@]} -eq 0 ] || die "missing: $(IFS=';'; echo "${missing[*]}") — ./test.sh installs them"
psql_bin=$(command -v psql || echo "$pg_bin/psql")

if [ -z "$build" ]; then
  say "Building the portal (Release)..."
  dotnet build -c Release -nologo -v:q -clp:ErrorsOnly src/NewsPortal.Web/NewsPortal.Web.csproj >&2
  build=$root/src/NewsPortal.Web/bin/Release/net10.0
fi
build=$(cd "$build" && pwd)
[ -f "$build/NewsPortal.Web.dll" ] || die "no NewsPortal.Web.dll in $build"
# The migrations are applied as in production (docs/operations.md): an idempotent script made by
# `dotnet ef` from this very build (--no-build), so the build must be the project's own output.
configuration=$(basename "$(dirname "$build")") framework=$(basename "$build")
[ "$build" = "$root/src/NewsPortal.Web/bin/$configuration/$framework" ] \
  || die "$build is not src/NewsPortal.Web/bin/<Configuration>/<framework>: the migration script is made from the project's own build"

# --- Temp folder, and stopping everything on the way out ------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/np-multinode.XXXXXX")
chmod 755 "$tmp" # the postgres user (when run as root) must reach its data folder inside
node_pids=() redis_pid="" nginx_pid="" pg_started="" watchdog=""
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ -n "$watchdog" ] && kill "$watchdog" 2>/dev/null || true
  if [ "$status" -ne 0 ] && [ -d "$tmp" ]; then
    for log in "$tmp"/node-*/portal.log "$tmp"/nginx/error.log; do
      [ -s "$log" ] && { printf -- '--- last lines of %s\n' "$log" >&2; tail -n 25 "$log" >&2; }
    done
  fi
  for pid in "${node_pids[@]}" $nginx_pid $redis_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in "${node_pids[@]}" $nginx_pid $redis_pid; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [ -n "$pg_started" ] && as_postgres "$pg_bin/pg_ctl" -D "$tmp/pg" -m immediate -w stop >/dev/null 2>&1 || true
  if [ -n "${KEEP_TEMP:-}" ]; then say "Kept $tmp" >&2; else rm -rf "$tmp"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'say "multinode: stopped by SIGTERM (or over the ${limit} s limit)" >&2; exit 143' TERM
# The whole run is bounded: past the limit the watchdog ends it (and the EXIT trap cleans up).
# One process with no hold on our output, so that stopping it stops its sleep too.
bash -c 'sleep "$1" & s=$!; trap "kill $s; exit 0" TERM; wait $s; kill -TERM "$2"' watchdog "$limit" $$ >/dev/null 2>&1 &
watchdog=$!

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Waits (at most $2 seconds) until the URL $1 answers 200.
wait_200() {
  local deadline=$((SECONDS + $2))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" 2>/dev/null)" = 200 ]; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

# --- PostgreSQL 15 ----------------------------------------------------------------------------
pg_port=$(free_port)
mkdir -p "$tmp/pg"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$tmp/pg"
as_postgres "$pg_bin/initdb" -D "$tmp/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$tmp/pg" -l "$tmp/pg/server.log" -w -t 60 \
  -o "-p $pg_port -k $tmp/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
pg_started=1
sql() { timeout 20 "$psql_bin" -h 127.0.0.1 -p "$pg_port" -U postgres -d newsportal -X -A -t -q -v ON_ERROR_STOP=1 -c "$1"; }
timeout 20 "$psql_bin" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -X -q -c "CREATE DATABASE newsportal ENCODING 'UTF8' TEMPLATE template0" >/dev/null
say "PostgreSQL 15 on 127.0.0.1:$pg_port"

# --- Redis -----------------------------------------------------------------------------------
redis_port=$(free_port)
/usr/bin/redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$tmp" --daemonize no >"$tmp/redis.log" 2>&1 &
redis_pid=$!
redis_up() { (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null; }
for _ in $(seq 100); do redis_up && break; sleep 0.05; done
redis_up || die "redis-server did not listen on 127.0.0.1:$redis_port ($(tail -n 3 "$tmp/redis.log"))"
say "Redis on 127.0.0.1:$redis_port"

# --- Migrations: once, before any node starts, with the idempotent script ----------------------
dotnet tool restore >/dev/null || die "dotnet tool restore failed (dotnet-ef)"
timeout 120 dotnet ef migrations script --idempotent --no-build --configuration "$configuration" --framework "$framework" \
  --context PostgreSqlNewsDbContext --project src/NewsPortal.Web -o "$tmp/migrate.sql" >"$tmp/ef.log" 2>&1 \
  || { cat "$tmp/ef.log" >&2; die "dotnet ef migrations script failed"; }
sed -i '1s/^\xEF\xBB\xBF//' "$tmp/migrate.sql" # psql reads no byte-order mark
migrate() { PGOPTIONS='-c client_min_messages=warning' timeout 60 "$psql_bin" -h 127.0.0.1 -p "$pg_port" -U postgres -d newsportal -X -q -v ON_ERROR_STOP=1 -f "$tmp/migrate.sql" >/dev/null; }
migrate || die "the migration script failed"
applied=$(sql 'SELECT count(*) FROM "__EFMigrationsHistory"')
# Idempotent: a second run (a re-run pipeline step) changes nothing.
migrate || die "the migration script failed on its second run"
[ "$(sql 'SELECT count(*) FROM "__EFMigrationsHistory"')" = "$applied" ] || die "the second run of the migration script applied something"
say "Migrations: $applied applied by the idempotent script (run twice; the second run changed nothing)"

# --- Two portal nodes, both with Database:ApplyMigrationsOnStartup=false. Node A seeds the empty
# database (the first deployment's one seeding node); node B starts after it with seeding off.
admin_email=admin@newsportal.local
admin_password="multinode-$("$python" -c 'import secrets; print(secrets.token_hex(10))')"
redis_setting="127.0.0.1:$redis_port"
# WITHOUT_REDIS=1 starts the nodes without Redis:Configuration, to see the checks that need it fail.
[ -z "${WITHOUT_REDIS:-}" ] || { redis_setting=""; say "WITHOUT_REDIS: the nodes do not use Redis"; }
start_node() { # name port seed
  local dir="$tmp/node-$1"
  mkdir -p "$dir"
  # HOME per node: without Redis each node keeps its Data Protection keys in a folder of its own,
  # as on two machines (with Redis they are in Redis).
  (cd "$dir" && exec env HOME="$dir" ASPNETCORE_URLS="http://127.0.0.1:$2" ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 \
    Database__Provider=PostgreSql \
    Database__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=newsportal;Timeout=5" \
    Database__ApplyMigrationsOnStartup=false Seed__Enabled="$3" \
    Seed__AdminEmail="$admin_email" Seed__AdminPassword="$admin_password" \
    Redis__Configuration="$redis_setting" \
    Search__IndexPath="$dir/search-index" \
    Scheduling__Enabled=true Scheduling__IntervalSeconds=1 \
    Serilog__WriteTo__File__Args__path="$dir/logs/newsportal-.log" \
    dotnet "$build/NewsPortal.Web.dll" --contentRoot "$build") >"$dir/portal.log" 2>&1 &
  node_pids+=($!)
}
port_a=$(free_port)
start_node a "$port_a" true
wait_200 "http://127.0.0.1:$port_a/readyz" 90 || die "node A did not become ready (see its log above)"
port_b=$(free_port)
start_node b "$port_b" false
wait_200 "http://127.0.0.1:$port_b/readyz" 60 || die "node B did not become ready (see its log above)"
node_a="http://127.0.0.1:$port_a"
node_b="http://127.0.0.1:$port_b"
say "Node A on $node_a (seeded the site), node B on $node_b"

# --- nginx -----------------------------------------------------------------------------------
nginx_port=$(free_port)
mkdir -p "$tmp/nginx/temp"
nginx_user=""
if [ "$(id -u)" = 0 ]; then nginx_user="user nobody nogroup;"; chown nobody:nogroup "$tmp/nginx/temp"; fi
cat >"$tmp/nginx/nginx.conf" <<EOF
$nginx_user
daemon off;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 256; }
http {
    access_log $tmp/nginx/access.log;
    client_body_temp_path $tmp/nginx/temp/body;
    proxy_temp_path $tmp/nginx/temp/proxy;
    fastcgi_temp_path $tmp/nginx/temp/fastcgi;
    uwsgi_temp_path $tmp/nginx/temp/uwsgi;
    scgi_temp_path $tmp/nginx/temp/scgi;
    client_max_body_size 12m;

    upstream newsportal {
        server 127.0.0.1:$port_a max_fails=3 fail_timeout=10s;
        server 127.0.0.1:$port_b max_fails=3 fail_timeout=10s;
        keepalive 16;
    }

    server {
        listen 127.0.0.1:$nginx_port;
        location / {
            proxy_pass http://newsportal;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            # Which node answered, so the check can show that both did.
            add_header X-Upstream \$upstream_addr always;
        }
    }
}
EOF
"$nginx_bin" -t -q -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" || die "nginx refused its configuration"
"$nginx_bin" -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" &
nginx_pid=$!
site="http://127.0.0.1:$nginx_port"
public_host=127.0.0.1 # what nginx's $host is for $site
wait_200 "$site/healthz" 20 || die "nginx did not answer on $site"
say "nginx on $site, round robin over both nodes"
say

# --- HTTP helpers ------------------------------------------------------------------------------
failures=0
pass() { say "PASS $1"; }
fail() { say "FAIL $1: $2"; failures=$((failures + 1)); }
# curl with a time limit; $jar is the cookie jar of the session in use.
web() { curl -sS --max-time 15 -b "$jar" -c "$jar" "$@"; }
# The antiforgery token of the first form on a page (the token is per session, good for any form).
token_of() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' "$1" | head -n 1; }
# Status and Location of a response whose headers were written by curl -D.
status_of() { sed -n '1s/^HTTP\/[0-9.]* \([0-9]*\).*/\1/p' "$1"; }
location_of() { sed -n 's/^[Ll]ocation: *\([^[:space:]]*\).*/\1/p' "$1" | tail -n 1; }
upstream_of() { # A or B: the node that answered through nginx
  case "$(sed -n 's/^[Xx]-[Uu]pstream: *\([^[:space:]]*\).*/\1/p' "$1" | tail -n 1)" in
    "127.0.0.1:$port_a") echo A ;; "127.0.0.1:$port_b") echo B ;; *) echo "?" ;;
  esac
}
totp() { # the authenticator code now for a base32 key (RFC 6238)
  "$python" - "$1" <<'PY'
import base64, hashlib, hmac, struct, sys, time
key = sys.argv[1].replace(" ", "").upper()
digest = hmac.new(base64.b32decode(key + "=" * (-len(key) % 8)), struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
offset = digest[-1] & 15
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
}
# GETs $2 into $tmp/page (headers into $tmp/head) and POSTs its token with the fields that follow to $3.
post_form() { # base page-path action-path field=value...
  local base=$1 page=$2 action=$3; shift 3
  web -o "$tmp/page" -D "$tmp/head" "$base$page"
  form_upstream=$(upstream_of "$tmp/head")
  local token; token=$(token_of "$tmp/page")
  [ -n "$token" ] || { say "(no antiforgery token on $page: $(status_of "$tmp/head"))" >&2; return 1; }
  local args=(--data-urlencode "__RequestVerificationToken=$token")
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  web -o "$tmp/page" -D "$tmp/head" "${args[@]}" "$base$action"
}

# The seeded administrator must turn on two-factor sign-in before any other Admin page opens
# (AdminController): sign in once with the password on node A and do that, as a new administrator would.
jar=$tmp/setup.jar
post_form "$node_a" /admin/dang-nhap /admin/dang-nhap "Email=$admin_email" "Password=$admin_password"
[ "$(location_of "$tmp/head")" = /admin ] || die "the administrator's password sign-in failed ($(status_of "$tmp/head") $(location_of "$tmp/head"))"
web -o "$tmp/page" -D "$tmp/head" "$node_a/admin/tai-khoan/hai-buoc"
shared_key=$(sed -n 's/.*<code class="shared-key">\([^<]*\)<\/code>.*/\1/p' "$tmp/page" | head -n 1)
[ -n "$shared_key" ] || die "no authenticator key on the two-factor set-up page ($(status_of "$tmp/head"))"
post_form "$node_a" /admin/tai-khoan/hai-buoc /admin/tai-khoan/hai-buoc "Code=$(totp "$shared_key")"
[ "$(web -o /dev/null -w '%{http_code}' "$node_a/admin")" = 200 ] || die "two-factor set-up did not open the Admin area"

# --- 1. A sign-in through nginx works on every node ----------------------------------------------
jar=$tmp/admin.jar
post_form "$site" /admin/dang-nhap /admin/dang-nhap "Email=$admin_email" "Password=$admin_password" || true
upstreams="$form_upstream $(upstream_of "$tmp/head")"
crossed=$([ "$form_upstream" != "$(upstream_of "$tmp/head")" ] && echo 1 || echo 0)
second_step=$(location_of "$tmp/head")
if [ "$second_step" != /admin/dang-nhap/hai-buoc ]; then
  fail sign-in "the password step answered $(status_of "$tmp/head") ${second_step:-(no redirect)}, not the authenticator step"
else
  post_form "$site" /admin/dang-nhap/hai-buoc /admin/dang-nhap/hai-buoc "Code=$(totp "$shared_key")" || true
  upstreams+=" $form_upstream $(upstream_of "$tmp/head")"
  [ "$form_upstream" != "$(upstream_of "$tmp/head")" ] || crossed=0
  landed=$(location_of "$tmp/head")
  on_a=$(web -o "$tmp/on-a" -w '%{http_code} %{redirect_url}' "$node_a/admin")
  on_b=$(web -o "$tmp/on-b" -w '%{http_code} %{redirect_url}' "$node_b/admin")
  if [ "$crossed" != 1 ] || [[ "$upstreams" != *A* || "$upstreams" != *B* ]]; then
    fail sign-in "nginx did not post each form to the other node than the one that issued it ($upstreams)"
  elif [ "$landed" != /admin ]; then
    fail sign-in "the authenticator step answered $(status_of "$tmp/head") $landed"
  elif [ "$on_a" != "200 " ] || ! grep -q '<h1>Bảng tin</h1>' "$tmp/on-a"; then
    fail sign-in "/admin on node A answered $on_a"
  elif [ "$on_b" != "200 " ] || ! grep -q '<h1>Bảng tin</h1>' "$tmp/on-b"; then
    fail sign-in "/admin on node B answered $on_b"
  else
    pass "sign-in: signed in through nginx (password form, post, code form, post answered by nodes $upstreams); /admin is 200 on node A and on node B with that cookie"
  fi
fi

# The administrator acts through nginx with that sign-in; if it failed, on node A with the first one.
admin=$site
if [ "$failures" -ne 0 ]; then admin=$node_a jar=$tmp/setup.jar; say "(the next checks act on node A directly)"; fi
section_id=$(sql 'SELECT "Id" FROM "Sections" ORDER BY "Id" LIMIT 1')
run=$("$python" -c 'import secrets; print(secrets.token_hex(4))')
create_article() { # slug title -> prints the new article's id
  post_form "$admin" /admin/bai-viet/tao /admin/bai-viet/tao "Title=$2" "Slug=$1" "Lead=Kiểm tra nhiều máy chủ." \
    "Body=Bài viết do bench/multinode.sh tạo để kiểm tra nhiều máy chủ web." "SectionId=$section_id" \
    "CommentsMode=SiteDefault" "Version=0" || return 1
  location_of "$tmp/head" | sed -n 's|^/admin/bai-viet/\([0-9]*\)/sua$|\1|p'
}

# --- 2. An eviction on one node is seen by all --------------------------------------------------
slug="kiem-tra-nhieu-may-$run"
old_title="Kiểm tra nhiều máy $run bản cũ"
new_title="Kiểm tra nhiều máy $run bản mới"
article=$(create_article "$slug" "$old_title" || true)
if [ -z "$article" ]; then
  fail eviction "could not create the article ($(status_of "$tmp/head") $(location_of "$tmp/head"))"
elif ! post_form "$admin" "/admin/bai-viet/$article/sua" "/admin/bai-viet/$article/xuat-ban" \
  || [ "$(sql "SELECT \"Status\" FROM \"Articles\" WHERE \"Id\" = $article")" != 3 ]; then # 3: Published
  fail eviction "could not publish article $article"
else
  # Every save evicts its pages again a second later (OutputCachePageInvalidator.Repeat): warm after
  # that, with room for a busy machine.
  sleep 2.5
  # The output cache's key holds the Host header: nginx sends every node the same one
  # (proxy_set_header Host $host), so a request straight to a node sends it too.
  cached=""
  for node in "$node_a" "$node_a" "$node_b" "$node_b"; do
    curl -sS --max-time 10 -H "Host: $public_host" -o "$tmp/public" -D "$tmp/public-head" "$node/bai-viet/$slug"
    grep -q "$old_title" "$tmp/public" || cached+=" (no title on $node: $(status_of "$tmp/public-head"))"
    grep -qi '^age:' "$tmp/public-head" && cached+=" hit" || cached+=" miss"
  done
  # The first request renders and stores the page (in Redis); every later one on either node is a hit.
  if [ "$cached" != " miss hit hit hit" ]; then
    fail eviction "the article page was not cached on both nodes (A, A, B, B:$cached)"
  else
    web -o "$tmp/page" "$admin/admin/bai-viet/$article/sua"
    version=$(sed -n 's/.*name="Version" value="\([0-9]*\)".*/\1/p' "$tmp/page" | head -n 1)
    post_form "$node_a" "/admin/bai-viet/$article/sua" "/admin/bai-viet/$article/sua" "Title=$new_title" "Slug=$slug" \
      "Lead=Kiểm tra nhiều máy chủ." "Body=Bài viết do bench/multinode.sh tạo để kiểm tra nhiều máy chủ web." \
      "SectionId=$section_id" "CommentsMode=SiteDefault" "Version=$version"
    saved=$(location_of "$tmp/head")
    seen_a=$(curl -sS --max-time 10 -H "Host: $public_host" "$node_a/bai-viet/$slug" | grep -c "$new_title" || true)
    seen_b=$(curl -sS --max-time 10 -H "Host: $public_host" "$node_b/bai-viet/$slug" | grep -c "$new_title" || true)
    if [ "$saved" != "/admin/bai-viet/$article/sua" ]; then
      fail eviction "the edit on node A was not saved ($(status_of "$tmp/head") $saved)"
    elif [ "$seen_a" = 0 ] || [ "$seen_b" = 0 ]; then
      fail eviction "after the edit on node A the new title is shown on node A: $([ "$seen_a" = 0 ] && echo no || echo yes), on node B: $([ "$seen_b" = 0 ] && echo no || echo yes)"
    else
      pass "eviction: /bai-viet/$slug cached (A, A, B, B:$cached); after an edit on node A both nodes show the new title at once"
    fi
  fi
fi

# --- 3. A photo uploaded on one node is served by all -------------------------------------------
"$python" - "$tmp/photo.png" <<'PY'
import struct, sys, zlib
width, height = 96, 64
raw = b"".join(b"\x00" + b"".join(bytes((x * 2 % 256, y * 4 % 256, 160)) for x in range(width)) for y in range(height))
chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
with open(sys.argv[1], "wb") as f:
    f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
alt="Ảnh kiểm tra nhiều máy $run"
web -o "$tmp/page" "$node_a/admin/thu-vien-anh/tai-len"
upload=$(web -o /dev/null -w '%{http_code}' -F "__RequestVerificationToken=$(token_of "$tmp/page")" -F "AltText=$alt" \
  -F "file=@$tmp/photo.png;type=image/png" "$node_a/admin/thu-vien-anh/tai-len" || true)
photo=$(sql "SELECT \"FileName\" FROM \"Media\" WHERE \"AltText\" = '$alt'" || true)
if [ "$upload" != 302 ] || [ -z "$photo" ]; then
  fail photo "the upload on node A answered $upload"
else
  from_b=$(curl -sS --max-time 10 -o "$tmp/photo-b" -w '%{http_code} %{content_type}' "$node_b/media/$photo")
  curl -sS --max-time 10 -o "$tmp/photo-a" "$node_a/media/$photo"
  if [ "$from_b" != "200 image/png" ]; then
    fail photo "GET /media/$photo on node B answered $from_b"
  elif ! cmp -s "$tmp/photo-a" "$tmp/photo-b" || [ ! -s "$tmp/photo-b" ]; then
    fail photo "node B's bytes differ from node A's"
  else
    pass "photo: /media/$photo uploaded on node A is served by node B (200 image/png, $(wc -c <"$tmp/photo-b") bytes, the same as node A's)"
  fi
fi

# --- 4. The scheduler publishes each article once -------------------------------------------------
slug="lich-nhieu-may-$run"
title="Lên lịch nhiều máy $run"
article=$(create_article "$slug" "$title" || true)
# Vietnam time (UTC+7, no daylight saving), as the editor's datetime-local field holds it.
at_epoch=$(($(date +%s) + 8))
at=$(date -u -d "@$((at_epoch + 7 * 3600))" +%Y-%m-%dT%H:%M:%S)
if [ -z "$article" ]; then
  fail scheduler "could not create the article ($(status_of "$tmp/head") $(location_of "$tmp/head"))"
elif ! post_form "$admin" "/admin/bai-viet/$article/sua" "/admin/bai-viet/$article/len-lich" "At=$at" \
  || [ "$(sql "SELECT \"Status\" FROM \"Articles\" WHERE \"Id\" = $article")" != 2 ]; then # 2: Scheduled
  fail scheduler "could not schedule article $article at $at (Vietnam time)"
elif [ "$(date +%s)" -lt $((at_epoch - 1)) ] && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$site/bai-viet/$slug")" = 200 ]; then
  fail scheduler "the article was public before its time"
elif ! wait_200 "$site/bai-viet/$slug" 40; then
  fail scheduler "article $article did not become public through nginx within 40 s of $at"
else
  sleep 3 # both schedulers make several more passes: a second publish would show now
  entries=$(sql "SELECT count(*) FROM \"AuditEntries\" WHERE \"Action\" = 'article.publish' AND \"TargetType\" = 'article' AND \"TargetId\" = '$article'")
  code_a=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$node_a/bai-viet/$slug")
  code_b=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$node_b/bai-viet/$slug")
  by=$(grep -l "Scheduler moved article $article to Published" "$tmp"/node-*/portal.log 2>/dev/null | sed 's|.*/node-\(.\)/.*|\1|' | tr 'ab\n' 'AB ' | sed 's/ $//')
  if [ "$entries" != 1 ]; then
    fail scheduler "$entries \"article.publish\" audit entries for article $article, not 1"
  elif [ "$code_a" != 200 ] || [ "$code_b" != 200 ]; then
    fail scheduler "/bai-viet/$slug answered $code_a on node A and $code_b on node B"
  else
    pass "scheduler: article $article public through nginx, one \"article.publish\" audit entry (published by node ${by:-?}), 200 on both nodes"
  fi
fi

say
if [ "$failures" -ne 0 ]; then
  say "$failures check(s) failed"
  exit 1
fi
say "All checks passed in $SECONDS s"
