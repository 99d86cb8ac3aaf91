#!/usr/bin/env bash
# Measures Purrr against its performance goals and writes docs/performance.md (issue 15).
#   ./perf.sh [idle circuits] [active players] [seconds per scenario] [night-watch viewers] [room tabs]
# e.g. ./perf.sh 2000 500 60 200 60. PERF_BENCH=none skips the benchmarks, PERF_BENCH=<folder> reports the
# BenchmarkDotNet results already in that folder (e.g. run earlier on a quieter machine); PERF_PORT picks the app's port.
# Builds Release, starts the app on a fresh SQLite database (demo world), measures the cold start, runs the load
# scenarios with Purrr.LoadTest (a headless circuit client), runs the Core benchmarks, then writes the report.
set -euo pipefail
cd "$(dirname "$0")"

IDLE=${1:-1000}
ACTIVE=${2:-200}
DURATION=${3:-60}
VIEWERS=${4:-100}
ROOM_TABS=${5:-60}
PORT=${PERF_PORT:-5640}
URL="http://127.0.0.1:$PORT/"
BENCH=${PERF_BENCH:-all}

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true
echo "== Build (Release)"
dotnet build -c Release -nologo -v q Purrr.Web/Purrr.Web.csproj
dotnet build -c Release -nologo -v q Purrr.LoadTest/Purrr.LoadTest.csproj
[ "$BENCH" != all ] || dotnet build -c Release -nologo -v q Purrr.Bench/Purrr.Bench.csproj

work=$(mktemp -d /tmp/purrr-perf-XXXXXX)
mkdir -p "$work/data" "$work/results"
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true; }
trap cleanup EXIT

echo "== Start the app on a fresh database ($work/data)"
started=$(date +%s%N)
ASPNETCORE_ENVIRONMENT=Production \
Storage__DataFolder="$work/data" \
Demo__Seed=true \
Accounts__RequireConfirmedEmail=false \
Perf__ProcessMetrics=true \
NightWatch__TickSeconds=10 \
Logging__LogLevel__Default=Warning \
  dotnet Purrr.Web/bin/Release/net10.0/Purrr.Web.dll --urls "$URL" --contentRoot "$PWD/Purrr.Web/bin/Release/net10.0" > "$work/app.log" 2>&1 &
app_pid=$!
until curl -fs -o /dev/null "$URL"; do
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; echo "The app did not start."; exit 1; }
  sleep 0.05
done
cold_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "   first page served after $cold_ms ms"

load() { dotnet Purrr.LoadTest/bin/Release/net10.0/Purrr.LoadTest.dll "$@"; }
echo "== Idle circuits: $IDLE"
load idle --url "$URL" --circuits "$IDLE" --duration 20 --ramp 32 --out "$work/results/1-idle.json" || true
echo "== Active players caring for their cats: $ACTIVE at 1 event/s for $DURATION s"
load care --url "$URL" --circuits "$ACTIVE" --duration "$DURATION" --rate 1 --ramp 32 --out "$work/results/2-care.json" || true
echo "== Night-watch map viewers during ticks (every 10 s): $VIEWERS for $DURATION s"
load nightwatch --url "$URL" --circuits "$VIEWERS" --duration "$DURATION" --ramp 32 --out "$work/results/3-nightwatch.json" || true
# One cat per demo player per room (4 players → 4 cats a room, 3 rooms); the other tabs watch. 0.25 events/s per cat keeps
# a player with 3 cats under the room rate limit (60 actions a minute) and the cats' energy up for the run.
echo "== Room members moving and chatting: $ROOM_TABS tabs for $DURATION s"
load rooms --url "$URL" --circuits "$ROOM_TABS" --duration "$DURATION" --rate 0.25 --ramp 32 --out "$work/results/4-rooms.json" || true
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""

bench_dir=""
[ -d "$BENCH" ] && bench_dir="$BENCH"
if [ "$BENCH" = all ]; then
  echo "== Benchmarks"
  (cd "$work" && dotnet "$OLDPWD/Purrr.Bench/bin/Release/net10.0/Purrr.Bench.dll" --inProcess --job short \
    --filter '*NightWatchTickBenchmark*' '*RoomFanOutBenchmark*' '*GeneticsBenchmarks*' '*FeedBenchmark*' '*LedgerBenchmark*' '*SearchBenchmark.Posts*') || true
  bench_dir="$work/BenchmarkDotNet.Artifacts/results"
fi

echo "== Report"
load report --results "$work/results" ${bench_dir:+--bench "$bench_dir"} --cold-start-ms "$cold_ms" --out docs/performance.md
# Hand-written findings (fixes with before/after, server settings) follow the measured figures.
[ -f docs/performance-notes.md ] && { echo; cat docs/performance-notes.md; } >> docs/performance.md
echo "Wrote docs/performance.md (raw results in $work)"
