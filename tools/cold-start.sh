#!/usr/bin/env bash
# Cold start of the Release build (issue 15): process launch → first 200 on /, N runs on a fresh database (migrations and
# demo world) and N restarts on an existing one. Prints wall-clock ms, the process's CPU ms by then, and the load average.
#   tools/cold-start.sh [runs=5]   (build first: dotnet build -c Release Purrr.Web; PERF_PORT picks the port)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PORT=${PERF_PORT:-5641}
URL="http://127.0.0.1:$PORT/"
BIN="$PWD/Purrr.Web/bin/Release/net10.0"
TCK=$(getconf CLK_TCK)
work=$(mktemp -d /tmp/purrr-cold-XXXXXX)

start_once() { # <mode> <data folder>
  local started pid ms cpu
  started=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production Storage__DataFolder="$2" Demo__Seed=true Accounts__RequireConfirmedEmail=false \
  Logging__LogLevel__Default=Warning dotnet "$BIN/Purrr.Web.dll" --urls "$URL" --contentRoot "$BIN" > "$work/app.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "$URL"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; echo "The app did not start."; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  cpu=$(awk -v t="$TCK" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat")
  echo "$1 $ms ms (CPU $cpu ms, load $(cut -d' ' -f1 /proc/loadavg))"
  sleep 3 # let the background demo seeding finish before the next start
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for i in $(seq 1 "$RUNS"); do
  rm -rf "$work/fresh"; mkdir -p "$work/fresh"
  start_once fresh "$work/fresh"
  [ -d "$work/existing" ] || { mkdir -p "$work/existing"; start_once seed "$work/existing" > /dev/null; }
  start_once existing "$work/existing"
done
rm -rf "$work"
