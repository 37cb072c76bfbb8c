#!/usr/bin/env bash
# make bench: every benchmark, each printing its figures (and its peer's, from the same run).
#   bench/run.sh [BUILD_DIR] [SECTION...]   sections: calendar http cases sweeper rules (default all)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
sections=${*:-calendar http cases sweeper rules}
want() { [[ " $sections " == *" $1 "* ]]; }
bin=$build/onewindow
shared=${ONEWINDOW_SHARED:-$(cd .. && pwd)/shared}
tmp=$(mktemp -d)
chmod 755 "$tmp"  # the PostgreSQL cluster inside runs as the postgres user
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [[ -d $tmp/pg ]]; then scripts/pg-test-cluster.sh stop "$tmp/pg" >/dev/null 2>&1 || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# Starts the server on $1 (a SQLite file or a postgresql:// URL) with the demo city; sets $base.
start_server() {
    rm -f "$tmp/port"
    ONEWINDOW_DEMO_PASSWORD=onewindow-demo "$bin" serve --db "$1" --listen 127.0.0.1:0 \
        --port-file "$tmp/port" --demo --log-level warn >"$tmp/server.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 150); do
        [[ -s $tmp/port ]] && curl -fs "http://127.0.0.1:$(cat "$tmp/port")/healthz" >/dev/null && break
        sleep 0.1
    done
    base="http://127.0.0.1:$(cat "$tmp/port")"
}
stop_server() {
    kill "${pids[-1]}" && wait "${pids[-1]}" 2>/dev/null || true
    unset 'pids[-1]'
}

if want calendar; then
echo "== working-day calendar (Google Benchmark, one core)"
"$build/bench/calendar_bench" --benchmark_min_time=0.5 --benchmark_counters_tabular=true
fi

if want http; then
echo
echo "== HTTP reads: the server on SQLite with the demo city, wrk on loopback (2 threads, 64 connections, 10 s)"
start_server "$tmp/http.db"
token=$(curl -fs -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"onewindow-demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for target in "/healthz" "/api/v1/calendar/add-working-days?from=2020-09-30&days=20"; do
    echo "-- GET $target (public)"
    wrk -t2 -c64 -d10s --latency "$base$target" | grep -E 'Requests/sec|Latency|50%|99%'
done
echo "-- GET /api/v1/me (signed in)"
wrk -t2 -c64 -d10s --latency -H "Authorization: Bearer $token" "$base/api/v1/me" | grep -E 'Requests/sec|Latency|50%|99%'
stop_server
fi

if want cases; then
echo
echo "== case lifecycles: submit with 3 materials, accept, 3 parallel approvals, issue (32 connections)"
start_server "$tmp/cases.db"
"$build/bench/case_lifecycle_bench" --url "$base" --lifecycles 3000 --concurrency 32 --db sqlite
stop_server
pg_url=$(scripts/pg-test-cluster.sh start "$tmp/pg")
start_server "$pg_url"
"$build/bench/case_lifecycle_bench" --url "$base" --lifecycles 3000 --concurrency 32 --db postgresql
stop_server
echo "-- peer: bpmn-engine (npm), the same four-task parallel process in memory, no durability"
(cd bench/case-lifecycle/peer && npm ci --no-audit --no-fund --silent)
for model in approval.bpmn approval_notimer.bpmn; do
    BPMN=$model PEERS_DIR="$(pwd)/bench/case-lifecycle/peer/node_modules" \
        node "$shared/bench/case-lifecycle/bpmn_bench.js" 1000 50 preparse
done
fi

if want sweeper; then
echo
echo "== the case timers with 1,000,000 open cases (SQLite)"
"$build/bench/sweeper_bench" --cases 1000000 --due 2000 --dir "$tmp/sweeper" 2>/dev/null | tail -n 1
fi

if want rules; then
echo
echo "== policy screening (免申即享): 20 policies x N enterprises, one core"
work=$shared/bench/policy-screening
# npm ci refuses this lock: the registry holds only some of zen-engine's per-platform packages.
(cd bench/policy-screening/peer && npm install --no-audit --no-fund --silent)
export PEERS_DIR="$(pwd)/bench/policy-screening/peer/node_modules"
for n in 100000 1000000; do
    (cd "$tmp" && node "$work/policies.js" "$n" "$tmp/enterprises-$n.csv" >/dev/null)
    expected=$(ONEWINDOW_SHARED=$shared node bench/policy-screening/exact_totals.js "$n")
    pairs=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["eligiblePairs"])' "$expected")
    sum=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["awardSum"])' "$expected")
    echo "-- N=$n, expected: $pairs eligible pairs, award sum $sum"
    single=20000; [[ $n -gt 100000 ]] && single=0
    "$build/bench/policy_screening_bench" --model bench/policy-screening/policies.dmn \
        --data "$tmp/enterprises-$n.csv" --expect-pairs "$pairs" --expect-sum "$sum" \
        --single "$single" || echo "onewindow: WRONG TOTALS or not columnar (exit $?)"
    echo "-- peers, same data (../shared/bench/policy-screening)"
    for engine in columnar ref ref-explain zen zen-trace; do
        node "$work/rules_bench.js" "$engine" "$n"
    done
    if [[ $n -le 100000 ]]; then
        node "$work/rules_bench.js" jre 20000
    fi
done
echo "-- the CLI end to end (load CSV, evaluate, write CSV), N=1000000"
TIMEFORMAT='%R s wall'
time "$build/onewindow" dmn batch bench/policy-screening/policies.dmn \
    --decision "Eligible awards" --data "$tmp/enterprises-1000000.csv" --out "$tmp/out.csv"
fi
