#!/usr/bin/env bash
# Fuzzes the request parsers and the importers with libFuzzer (clang from Debian: clang,
# libclang-rt-dev or its version's package), with AddressSanitizer and UndefinedBehaviorSanitizer,
# each target for a fixed time. Exits non-zero if any target crashed, leaked or tripped a check;
# the input that did it is kept in the work folder and named in the output.
#
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 60 s; every target)
#
# Targets: http (raw request bytes through Boost.Beast's parser with the server's limits, then
# the server's own conversion to the handlers' request), multipart (the multipart/form-data reader), form (url-encoded forms and queries, then
# the UTF-8 check at the edge), csv (the CSV reader and every dataset importer). Not part of CI:
# run it after changing one of those parsers (README, "Fuzzing"). FUZZ_DIR sets the work folder
# (default build-fuzz), which keeps each target's corpus between runs.
set -euo pipefail

cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(http multipart form csv)
work=${FUZZ_DIR:-build-fuzz}
cxx=${CXX_FUZZ:-clang++}

if ! command -v "$cxx" >/dev/null; then
    echo "fuzz: $cxx not found; install Debian's clang (apt-get install clang)" >&2
    exit 2
fi

flags=(-std=c++20 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
       -fno-sanitize-recover=undefined -Isrc -DCPPHTTPLIB_OPENSSL_SUPPORT -DCPPHTTPLIB_ZLIB_SUPPORT
       -DCPPHTTPLIB_BROTLI_SUPPORT)
declare -A sources=(
    [http]="tests/fuzz/fuzz_http.cpp src/web/multipart.cpp"
    [multipart]="tests/fuzz/fuzz_multipart.cpp src/web/multipart.cpp"
    [form]="tests/fuzz/fuzz_form.cpp src/core/text.cpp"
    [csv]="tests/fuzz/fuzz_csv.cpp src/core/csv.cpp src/core/dataset_records.cpp src/core/dataset.cpp src/core/date.cpp src/core/text.cpp"
)
declare -A libraries=(
    [http]="-lcpp-httplib"
    [multipart]="-lcpp-httplib"
    [form]="-lcpp-httplib"
    [csv]=""
)

mkdir -p "$work"
failed=()
for t in "${targets[@]}"; do
    [ -n "${sources[$t]:-}" ] || { echo "fuzz: no target $t (http, multipart, form, csv)" >&2; exit 2; }
    bin="$work/fuzz_$t"
    echo "fuzz: building $t"
    # shellcheck disable=SC2086  # the lists are words
    "$cxx" "${flags[@]}" ${sources[$t]} -o "$bin" ${libraries[$t]}
    corpus="$work/corpus_$t"
    mkdir -p "$corpus" "$work/crashes_$t"
    cp -n tests/fuzz/seeds/"$t"/* "$corpus"/ 2>/dev/null || true
    echo "fuzz: running $t for ${seconds}s"
    if ! "$bin" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
            -artifact_prefix="$work/crashes_$t/" -print_final_stats=1 >"$work/$t.log" 2>&1; then
        echo "fuzz: $t FAILED; the input is in $work/crashes_$t/ and the report in $work/$t.log" >&2
        tail -n 40 "$work/$t.log" >&2
        failed+=("$t")
        continue
    fi
    grep -E '^stat::number_of_executed_units|^Done' "$work/$t.log" | sed "s/^/fuzz: $t: /" || true
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: no crash in ${targets[*]} (${seconds}s each)"
