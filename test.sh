#!/usr/bin/env bash
# Runs every NewsPortal test on a fresh machine of this kind.
# Installs what the tests need when it is missing (Debian's Chromium for the browser test,
# the PostgreSQL 15 server binaries for the PostgreSQL tests, Redis and nginx for the several-nodes tests, Java and the W3C Nu HTML Checker
# for the validity tests), builds the solution once,
# runs the unit and integration tests, and ends with the line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq >/dev/null && apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests..."
  apt_install chromium fonts-dejavu-core || { echo "Could not install chromium" >&2; exit 1; }
fi

if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  echo "Installing the PostgreSQL 15 server binaries..."
  apt_install postgresql-15 || { echo "Could not install postgresql-15" >&2; exit 1; }
fi

if [ ! -x /usr/bin/redis-server ]; then
  echo "Installing Redis for the several-nodes tests..."
  apt_install redis-server || { echo "Could not install redis-server" >&2; exit 1; }
fi

# nginx in front of two portal processes in bench/multinode.sh, which a test runs.
if [ ! -x /usr/sbin/nginx ]; then
  echo "Installing nginx for the several-nodes check..."
  apt_install nginx-light || apt_install nginx || { echo "Could not install nginx" >&2; exit 1; }
fi

if [ ! -x /usr/bin/java ]; then
  echo "Installing Java for the HTML checker..."
  apt_install default-jre-headless || { echo "Could not install default-jre-headless" >&2; exit 1; }
fi

# The W3C Nu HTML Checker (npm package vnu-jar), pinned by tests/tools/package-lock.json. Its
# postinstall script downloads a JDK of its own; Debian's Java above is used instead.
if [ ! -f tests/tools/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  echo "Installing the Nu HTML Checker (vnu-jar)..."
  command -v npm >/dev/null || apt_install npm || { echo "Could not install npm" >&2; exit 1; }
  (cd tests/tools && npm ci --no-audit --no-fund --ignore-scripts >/dev/null) || { echo "Could not install vnu-jar" >&2; exit 1; }
fi

# Debian's feedparser reads the RSS and Atom feeds in the feed tests, as feed readers would.
# /usr/bin/python3 explicitly: a pyenv shim earlier on the PATH does not see Debian's packages.
if ! /usr/bin/python3 -c 'import feedparser' 2>/dev/null; then
  echo "Installing python3-feedparser for the feed tests..."
  apt_install python3-feedparser || { echo "Could not install python3-feedparser" >&2; exit 1; }
fi

results="TestResults"
rm -rf "$results"
export NEWSPORTAL_TEST_ARTIFACTS="$PWD/$results/artifacts"

dotnet tool restore >/dev/null || exit 1
dotnet build NewsPortal.sln -nologo -v:q -clp:ErrorsOnly || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

dotnet test NewsPortal.sln --no-build -nologo -v:q --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

# Sum the counters of every test run (the trx files), independent of dotnet test's own summary.
passed=0 failed=0 total=0 executed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$((total + $(get total)))
  executed=$((executed + $(get executed)))
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
done
skipped=$((total - executed))

if [ ${#trx_files[@]} -eq 0 ] || [ "$total" -eq 0 ]; then
  echo "No test results were found." >&2
  failed=$((failed + 1))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
