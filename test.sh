#!/usr/bin/env bash
# Runs every test of Purrr (unit, component, integration, and end-to-end in Chromium) and ends with one line:
#   N passed, N failed
# Installs what the tests need when it is missing, so it works on a fresh machine with only the .NET SDK.
set -uo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian's Chromium for the browser tests (never a browser downloaded by a test tool).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests..."
  as_root apt-get update -qq && as_root apt-get install -y -qq chromium >/dev/null || { echo "Could not install Chromium."; exit 1; }
fi

# Hardhat 2 (the local dev chain of the blockchain tests) and the other pinned npm packages, from package-lock.json.
if [ ! -x node_modules/.bin/hardhat ]; then
  echo "Installing the pinned npm packages (Hardhat for the blockchain tests)..."
  npm ci --no-audit --no-fund >/dev/null || { echo "Could not install the npm packages (npm ci)."; exit 1; }
fi

# Redis for the scale-out tests (several app instances over one Redis): started on a free port, stopped at the end.
if ! command -v redis-server >/dev/null; then
  echo "Installing redis-server for the scale-out tests..."
  as_root apt-get update -qq && as_root apt-get install -y -qq redis-server >/dev/null || { echo "Could not install redis-server."; exit 1; }
fi
redis_port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  if ! (echo >"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then redis_port=$candidate; break; fi
done
[ -n "$redis_port" ] || { echo "No free port for redis-server."; exit 1; }
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no --loglevel warning >/dev/null 2>&1 &
redis_pid=$!
for _ in $(seq 1 50); do
  [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = "PONG" ] && break
  sleep 0.1
done
[ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = "PONG" ] || { echo "redis-server did not start on port $redis_port."; kill "$redis_pid" 2>/dev/null; exit 1; }
export PURRR_TEST_REDIS="127.0.0.1:$redis_port"

results=$(mktemp -d)
trap 'rm -rf "$results"; kill "$redis_pid" 2>/dev/null' EXIT

dotnet test Purrr.Blazor.sln --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?

# The summary comes from the test results themselves, not from console output.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$status" -ne 0 ]; then
  echo "The tests did not run (see the build errors above)."
  exit "$status"
fi
echo "$passed passed, $failed failed"
exit "$status"
