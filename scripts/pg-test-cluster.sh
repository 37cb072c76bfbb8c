#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: nothing in it survives, so it trades durability for
# speed (fsync, synchronous_commit and full_page_writes off).
#
#   scripts/pg-test-cluster.sh start DIR   creates DIR (or uses it if empty), starts a server on
#                                          127.0.0.1 at a free port, prints its URL on stdout
#   scripts/pg-test-cluster.sh stop DIR    stops the server and removes DIR (a missing DIR is ok)
#
# The URL is postgresql://onewindow:PASSWORD@127.0.0.1:PORT/onewindow; the role may create
# databases (the contract-test fixture makes one per test). The unix socket lives inside DIR and
# is trusted for the cluster's superuser `postgres`; TCP logins need the password.
#
# initdb refuses to run as root, so as root the cluster runs as the system user `postgres`
# (override with OW_PG_USER); otherwise as the calling user. OW_PG_BIN selects the server binaries
# (default: the newest /usr/lib/postgresql/*/bin, else initdb on PATH).
set -euo pipefail

readonly kMarker=".onewindow-test-cluster"
readonly kRole="onewindow"
readonly kDatabase="onewindow"

die() {
    echo "pg-test-cluster: $*" >&2
    exit 1
}

usage() {
    echo "usage: $0 start DIR | stop DIR" >&2
    exit 2
}

find_bin() {
    if [[ -n "${OW_PG_BIN:-}" ]]; then
        echo "$OW_PG_BIN"
        return
    fi
    local newest
    newest=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [[ -n "$newest" && -x "$newest/initdb" ]]; then
        echo "$newest"
    elif command -v initdb >/dev/null; then
        dirname "$(command -v initdb)"
    else
        die "no PostgreSQL server binaries found (install postgresql, or set OW_PG_BIN)"
    fi
}

# The user the server runs as.
cluster_user() {
    if [[ $(id -u) -eq 0 ]]; then
        echo "${OW_PG_USER:-postgres}"
    else
        id -un
    fi
}

# Runs a command as the cluster's user, from a directory that user can enter.
as_user() {
    local user=$1
    shift
    if [[ $(id -u) -eq 0 && "$user" != root ]]; then
        (cd / && runuser -u "$user" -- "$@")
    else
        (cd / && "$@")
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
    local dir=$1 bin user password port
    bin=$(find_bin)
    user=$(cluster_user)
    id "$user" >/dev/null 2>&1 || die "user '$user' does not exist (is the postgresql package installed?)"

    if [[ -e "$dir" && -n "$(ls -A "$dir" 2>/dev/null)" ]]; then
        die "$dir exists and is not empty"
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd -P)
    touch "$dir/$kMarker"
    # The server refuses a socket path longer than the kernel's limit (107 bytes).
    (( ${#dir} < 80 )) || die "$dir: path too long for the server's unix socket"
    if [[ $(id -u) -eq 0 ]]; then
        chown "$user:" "$dir"
        chmod 0700 "$dir"
        as_user "$user" test -w "$dir" ||
            die "user '$user' cannot write to $dir (a parent directory is not searchable?)"
    fi

    password=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
    local pwfile="$dir/superuser.pw"
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$pwfile")
    [[ $(id -u) -eq 0 ]] && chown "$user:" "$pwfile"

    as_user "$user" "$bin/initdb" --pgdata="$dir/data" --username=postgres --pwfile="$pwfile" \
        --encoding=UTF8 --locale=C --auth-local=trust --auth-host=scram-sha-256 \
        --no-sync >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    rm -f "$pwfile"

    cat >>"$dir/data/postgresql.conf" <<EOF

# pg-test-cluster.sh: a throwaway cluster, tuned for test speed, not durability.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 64MB
max_wal_size = 1GB
checkpoint_timeout = 30min
log_min_messages = warning
log_min_error_statement = panic
EOF

    # A port that is free now may be taken before the server binds it: try a few.
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        port=$(( 20000 + RANDOM % 40000 ))
        port_in_use "$port" && continue
        if as_user "$user" "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" \
            --options="-p $port" --wait --timeout=60 --silent start >/dev/null 2>&1; then
            break
        fi
        port=""
        # A failed start leaves nothing running; try the next port unless it failed otherwise.
        grep -q "could not bind\|Address already in use" "$dir/server.log" 2>/dev/null ||
            { cat "$dir/server.log" >&2 2>/dev/null || true; die "the server did not start"; }
    done
    [[ -n "$port" ]] || die "found no free port"
    echo "$port" >"$dir/port"

    local sql="CREATE ROLE $kRole LOGIN CREATEDB PASSWORD '$password';
               CREATE DATABASE $kDatabase OWNER $kRole;"
    if ! as_user "$user" "$bin/psql" --no-psqlrc --quiet --host="$dir" --port="$port" \
        --username=postgres --dbname=postgres --set=ON_ERROR_STOP=1 >/dev/null 2>"$dir/psql.log" \
        <<<"$sql"; then
        cat "$dir/psql.log" >&2
        stop "$dir"
        die "could not create the test role and database"
    fi

    local url="postgresql://$kRole:$password@127.0.0.1:$port/$kDatabase"
    (umask 077 && echo "$url" >"$dir/url")
    echo "$url"
}

stop() {
    local dir=$1
    [[ -e "$dir" ]] || return 0
    [[ -f "$dir/$kMarker" ]] || die "$dir was not made by this script; not removing it"
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        local bin owner
        bin=$(find_bin)
        owner=$(stat -c %U "$dir/data")
        as_user "$owner" "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait --timeout=30 \
            --silent stop >/dev/null 2>&1 ||
            as_user "$owner" "$bin/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait \
                --silent stop >/dev/null 2>&1 ||
            true
    fi
    rm -rf "$dir"
}

[[ $# -eq 2 ]] || usage
case "$1" in
    start) start "$2" ;;
    stop) stop "$2" ;;
    *) usage ;;
esac
