#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets in fuzz/ and runs each for FUZZ_SECONDS (default 600).
#   scripts/fuzz.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build-fuzz}
seconds=${FUZZ_SECONDS:-600}
shared=${ONEWINDOW_SHARED:-$(cd .. && pwd)/shared}
mkdir -p "$out/obj"
cc="ccache clang++"
command -v ccache >/dev/null || cc=clang++
flags=(-std=gnu++20 -O1 -g -fno-omit-frame-pointer -Isrc -fsanitize=address,undefined
       -fno-sanitize-recover=all -fsanitize=fuzzer-no-link)

# decimal.cpp alone goes through g++, uninstrumented: clang has no _Decimal128.
g++ -std=gnu++20 -O1 -g -Isrc -c src/rules/decimal.cpp -o "$out/obj/decimal.o"
objs=("$out/obj/decimal.o")
pids=()
for src in src/rules/*.cpp; do
    case $src in *_test.cpp|*/decimal.cpp) continue ;; esac
    obj="$out/obj/$(basename "${src%.cpp}").o"
    objs+=("$obj")
    if [[ ! -f $obj || $src -nt $obj || -n $(find src/rules -name '*.hpp' -newer "$obj" | head -1) ]]; then
        $cc "${flags[@]}" -c "$src" -o "$obj" &
        pids+=($!)
        if (( ${#pids[@]} >= 2 )); then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
    fi
done
for p in "${pids[@]}"; do wait "$p"; done
for target in feel_fuzz dmn_fuzz; do
    clang++ "${flags[@]/-fsanitize=fuzzer-no-link/-fsanitize=fuzzer}" "fuzz/$target.cpp" "${objs[@]}" \
        -lpugixml -o "$out/$target"
done

# Seeds: the TCK's models, and every FEEL text in them.
mkdir -p "$out/corpus-dmn" "$out/corpus-feel"
find "$shared/reference/dmn-tck" -name '*.dmn' -size -64k -exec cp {} "$out/corpus-dmn/" \;
python3 - "$shared/reference/dmn-tck" "$out/corpus-feel" <<'PY'
import hashlib, pathlib, re, sys, html
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
for f in root.rglob('*.dmn'):
    for m in re.finditer(r'<(?:\w+:)?text>(.*?)</(?:\w+:)?text>', f.read_text(errors='ignore'), re.S):
        t = html.unescape(m.group(1)).encode()
        (out / hashlib.sha1(t).hexdigest()[:16]).write_bytes(t)
PY

cd "$out"
for target in feel_fuzz dmn_fuzz; do
    echo "== $target for $seconds s"
    corpus=corpus-feel; [[ $target == dmn_fuzz ]] && corpus=corpus-dmn
    ./$target -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 "$corpus" 2>&1 | tail -n 12
done
