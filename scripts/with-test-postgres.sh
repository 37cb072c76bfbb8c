#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster:
#
#   scripts/with-test-postgres.sh CMD [ARGS...]
#
# Starts a cluster in a temporary directory (scripts/pg-test-cluster.sh), exports its URL as
# ONEWINDOW_TEST_PG_URL, runs CMD, then stops and removes the cluster, also when CMD fails or the
# run is interrupted. Exits with CMD's status.
#
# The cluster lives in memory (/dev/shm) when it can: on a disk, creating each test's database
# copies ~7 MB and costs ~10x more. OW_PG_TMPDIR chooses another place.
set -euo pipefail

[[ $# -ge 1 ]] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
base=${OW_PG_TMPDIR:-}
if [[ -z "$base" ]]; then
    if [[ -d /dev/shm && -w /dev/shm ]]; then base=/dev/shm; else base=${TMPDIR:-/tmp}; fi
fi
cluster=$(mktemp -d "$base/ow-pg.XXXXXX")

# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
    "$here/pg-test-cluster.sh" stop "$cluster" || true
}
trap cleanup EXIT
# Exiting runs the EXIT trap, so an interrupted start leaves nothing behind.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

ONEWINDOW_TEST_PG_URL=$("$here/pg-test-cluster.sh" start "$cluster")
export ONEWINDOW_TEST_PG_URL

# CMD runs in the background so that a signal sent to this script alone is handled at once (bash
# defers traps while a foreground command runs): it is passed on to CMD, and the cluster is removed
# once CMD has exited. A background command would otherwise ignore SIGINT and read /dev/null.
( trap - INT QUIT; exec "$@" ) 0<&0 &
child=$!
for signal in INT TERM HUP; do
    # shellcheck disable=SC2064  # the signal and pid are meant to be fixed now
    trap "kill -$signal $child 2>/dev/null || true" "$signal"
done
status=0
wait "$child" || status=$?
# A trapped signal interrupts `wait`; wait again for CMD's own exit status.
while kill -0 "$child" 2>/dev/null; do
    status=0
    wait "$child" || status=$?
done
exit "$status"
