#!/usr/bin/env bash
# Measures Purrr against its performance goals and writes docs/performance.md (issue 15).
#   ./perf.sh [idle circuits] [active players] [seconds per scenario] [night-watch viewers] [room tabs]
# The defaults are the goals: ./perf.sh 20000 2000 60 200 60 (≈ 30 min on 2 cores). PERF_BENCH=none skips the
# benchmarks, PERF_BENCH=<folder> reports the BenchmarkDotNet results already in that folder; PERF_PORT picks the port;
# PERF_CARE_SMALL (default 500, 0 for none) adds a smaller care run, to show p99 below the full load.
# Publishes Release (ReadyToRun), starts the app on a fresh SQLite database (demo world) and measures that cold start, runs each load
# scenario with Purrr.LoadTest (a headless circuit client) against a freshly restarted app (so every scenario's memory
# baseline is its own, and each restart on the now existing database is a cold start too), runs the Core benchmarks,
# then writes the report.
set -euo pipefail
cd "$(dirname "$0")"

IDLE=${1:-20000}
ACTIVE=${2:-2000}
DURATION=${3:-60}
VIEWERS=${4:-200}
ROOM_TABS=${5:-60}
PORT=${PERF_PORT:-5640}
URL="http://127.0.0.1:$PORT/"
# HTTP/2 without TLS on a second endpoint: the idle tabs' circuits share a few connections (RFC 8441 WebSockets), as
# behind an HTTP/2 front end — one socket per circuit would stop at this machine's 20,000 open files per process.
H2_URL="http://127.0.0.1:$((PORT + 1))/"
BENCH=${PERF_BENCH:-all}
CARE_SMALL=${PERF_CARE_SMALL:-500} # a second, smaller care run (0: none)

echo "== Build (Release; the app as a ReadyToRun publish, as it would be deployed)"
dotnet publish Purrr.Web/Purrr.Web.csproj -c Release -r linux-x64 --self-contained false -nologo -v q
APP="$PWD/Purrr.Web/bin/Release/net10.0/linux-x64/publish"
dotnet build -c Release -nologo -v q Purrr.LoadTest/Purrr.LoadTest.csproj
[ "$BENCH" != all ] || dotnet build -c Release -nologo -v q Purrr.Bench/Purrr.Bench.csproj

work=$(mktemp -d /tmp/purrr-perf-XXXXXX)
mkdir -p "$work/data" "$work/results"
app_pid=""
stop_app() { [ -z "$app_pid" ] || { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; }; }
trap stop_app EXIT

# Starts the app on $work/data and appends the milliseconds from launch to the first 200 on / to the file $1.
start_app() {
  local started; started=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Production \
  Storage__DataFolder="$work/data" \
  Demo__Seed=true \
  Accounts__RequireConfirmedEmail=false \
  Perf__ProcessMetrics=true \
  NightWatch__TickSeconds=10 \
  Logging__LogLevel__Default=Warning \
  Kestrel__Endpoints__Http__Url="${URL%/}" \
  Kestrel__Endpoints__Http2__Url="${H2_URL%/}" \
  Kestrel__Endpoints__Http2__Protocols=Http2 \
    dotnet "$APP/Purrr.Web.dll" --contentRoot "$APP" >> "$work/app.log" 2>&1 &
  app_pid=$!
  until curl -fs -o /dev/null "$URL"; do
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; echo "The app did not start."; exit 1; }
    sleep 0.02
  done
  local ms=$(( ($(date +%s%N) - started) / 1000000 ))
  echo "$ms" >> "$1"
  echo "   first page served after $ms ms"
}

load() { dotnet Purrr.LoadTest/bin/Release/net10.0/Purrr.LoadTest.dll "$@"; }

echo "== Cold start on a fresh database ($work/data)"
start_app "$work/cold-fresh"
echo "== Idle circuits: $IDLE (over HTTP/2)"
load idle --url "$H2_URL" --http2 --circuits "$IDLE" --duration 20 --ramp 32 --out "$work/results/1-idle.json" || true

stop_app; echo "== Restart (existing database)"; start_app "$work/cold-existing"
echo "== Active players caring for their cats: $ACTIVE at 1 event/s for $DURATION s"
load care --url "$URL" --circuits "$ACTIVE" --duration "$DURATION" --rate 1 --ramp 32 --out "$work/results/2-care.json" || true

if [ "$CARE_SMALL" -gt 0 ]; then
  stop_app; echo "== Restart (existing database)"; start_app "$work/cold-existing"
  echo "== Active players caring for their cats: $CARE_SMALL at 1 event/s for $DURATION s (below the full load)"
  load care --url "$URL" --circuits "$CARE_SMALL" --duration "$DURATION" --rate 1 --ramp 32 --out "$work/results/2-care-small.json" || true
fi

stop_app; echo "== Restart (existing database)"; start_app "$work/cold-existing"
echo "== Night-watch map viewers during ticks (every 10 s): $VIEWERS for $DURATION s"
load nightwatch --url "$URL" --circuits "$VIEWERS" --duration "$DURATION" --ramp 32 --out "$work/results/3-nightwatch.json" || true

stop_app; echo "== Restart (existing database)"; start_app "$work/cold-existing"
# One cat per demo player per room (4 players → 4 cats a room, 3 rooms); the other tabs watch. 0.25 events/s per cat keeps
# a player with 3 cats under the room rate limit (60 actions a minute) and the cats' energy up for the run.
echo "== Room members moving and chatting: $ROOM_TABS tabs for $DURATION s"
load rooms --url "$URL" --circuits "$ROOM_TABS" --duration "$DURATION" --rate 0.25 --ramp 32 --out "$work/results/4-rooms.json" || true
stop_app

bench_dir=""
[ -d "$BENCH" ] && bench_dir="$BENCH"
if [ "$BENCH" = all ]; then
  echo "== Benchmarks"
  (cd "$work" && dotnet "$OLDPWD/Purrr.Bench/bin/Release/net10.0/Purrr.Bench.dll" --inProcess --job short \
    --filter '*NightWatchTickBenchmark*' '*RoomFanOutBenchmark*' '*GeneticsBenchmarks*' '*FeedBenchmark*' '*LedgerBenchmark*' '*SearchBenchmark.Posts*') || true
  bench_dir="$work/BenchmarkDotNet.Artifacts/results"
fi

echo "== Report"
load report --results "$work/results" ${bench_dir:+--bench "$bench_dir"} \
  --cold-start-ms "$(cat "$work/cold-fresh")" --cold-start-existing-ms "$(sort -n "$work/cold-existing" | paste -sd, -)" --out docs/performance.md
# Hand-written findings (fixes with before/after, server settings) follow the measured figures.
[ -f docs/performance-notes.md ] && { echo; cat docs/performance-notes.md; } >> docs/performance.md
echo "Wrote docs/performance.md (raw results in $work)"
