#!/usr/bin/env bash
# Installs what onewindow needs from Debian 12's archive, only what is missing (so a machine
# that has everything is not touched and needs no network). Run as root, or with sudo at hand.
set -euo pipefail

packages=(
    g++ cmake ninja-build ccache pkg-config make python3 curl git clang-format
    libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
    libsqlite3-dev sqlite3 libpq-dev postgresql-15 libsodium-dev libcurl4-openssl-dev python3-aiosmtpd
    libspdlog-dev libfmt-dev libcli11-dev libgtest-dev libbenchmark-dev libgoogle-perftools-dev
    chromium fonts-noto-cjk wrk
    libcairo2-dev libpango1.0-dev libqrencode-dev poppler-utils zbar-tools
    libpugixml-dev clang libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)

if [[ ${#missing[@]} -gt 0 ]]; then
    echo "installing: ${missing[*]}"
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
