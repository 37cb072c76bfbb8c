#!/usr/bin/env bash
# make bench: the foundation's benchmarks. Prints each figure with what produced it.
#   bench/run.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bin=$build/onewindow

echo "== working-day calendar (Google Benchmark, one core)"
"$build/bench/calendar_bench" --benchmark_min_time=0.5 --benchmark_counters_tabular=true

echo
echo "== HTTP: the server on SQLite with the demo city, wrk on loopback (2 threads, 64 connections, 10 s)"
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
ONEWINDOW_DEMO_PASSWORD=onewindow-demo "$bin" serve --db "$tmp/bench.db" --listen 127.0.0.1:0 \
    --port-file "$tmp/port" --demo --log-level warn >"$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do [[ -s $tmp/port ]] && curl -fs "http://127.0.0.1:$(cat "$tmp/port")/healthz" >/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$tmp/port")"
token=$(curl -fs -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"onewindow-demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for target in "/healthz" "/api/v1/calendar/add-working-days?from=2020-09-30&days=20"; do
    echo "-- GET $target (public)"
    wrk -t2 -c64 -d10s --latency "$base$target" | grep -E 'Requests/sec|Latency|50%|99%'
done
echo "-- GET /api/v1/me (signed in: session lookup in the database)"
wrk -t2 -c64 -d10s --latency -H "Authorization: Bearer $token" "$base/api/v1/me" | grep -E 'Requests/sec|Latency|50%|99%'
