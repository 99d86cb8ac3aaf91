#!/usr/bin/env bash
# Cold start (issue 15): process launch → first 200 on /, N runs on a fresh database (migrations and demo world) and N
# restarts on an existing one. Prints wall-clock ms, the process's CPU ms by then (steadier on a busy machine), the load
# average, and the medians.
#   tools/cold-start.sh [runs=5] [label=app folder ...]
# Without folders it measures the Release publish perf.sh runs (ReadyToRun), published first:
#   dotnet publish Purrr.Web/Purrr.Web.csproj -c Release -r linux-x64 --self-contained false
# With several folders (e.g. old=/tmp/old-publish new=Purrr.Web/bin/Release/net10.0/linux-x64/publish) the runs interleave,
# so every build sees the same load. PERF_PORT picks the port.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
shift || true
BUILDS=("$@")
[ ${#BUILDS[@]} -gt 0 ] || BUILDS=("publish=$PWD/Purrr.Web/bin/Release/net10.0/linux-x64/publish")
PORT=${PERF_PORT:-5641}
URL="http://127.0.0.1:$PORT/"
TCK=$(getconf CLK_TCK)
work=$(mktemp -d /tmp/purrr-cold-XXXXXX)
trap 'rm -rf "$work"' EXIT

start_once() { # <label> <mode> <app folder> <data folder>
  local started pid ms cpu bin
  bin=$(cd "$3" && pwd)
  started=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production Storage__DataFolder="$4" Demo__Seed=true Accounts__RequireConfirmedEmail=false \
  Logging__LogLevel__Default=Warning dotnet "$bin/Purrr.Web.dll" --urls "$URL" --contentRoot "$bin" > "$work/app.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "$URL"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/app.log"; echo "The app did not start."; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  cpu=$(awk -v t="$TCK" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat")
  echo "$1 $2 $ms ms (CPU $cpu ms, load $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$work/results"
  sleep 5 # the background work of a start (demo neighbourhood, personality model) finishes before the next one
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for i in $(seq 1 "$RUNS"); do
  for build in "${BUILDS[@]}"; do
    label=${build%%=*} bin=${build#*=}
    rm -rf "$work/$label-fresh"; mkdir -p "$work/$label-fresh"
    start_once "$label" fresh "$bin" "$work/$label-fresh"
    [ -d "$work/$label-existing" ] || { mkdir -p "$work/$label-existing"; start_once "$label" seed "$bin" "$work/$label-existing" > /dev/null; }
    start_once "$label" existing "$bin" "$work/$label-existing"
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "Medians of $RUNS:"
for build in "${BUILDS[@]}"; do
  label=${build%%=*}
  for mode in fresh existing; do
    wall=$(awk -v l="$label" -v m="$mode" '$1 == l && $2 == m { print $3 }' "$work/results" | median)
    cpu=$(awk -v l="$label" -v m="$mode" '$1 == l && $2 == m { print $6 }' "$work/results" | median)
    echo "  $label $mode: $wall ms wall, $cpu ms CPU"
  done
done
