#!/usr/bin/env bash
# How a page's cost grows with data: every list page and API list on an England-scale database
# (`assure demo --scale england`) against the same page on the small demo, on SQLite and on
# PostgreSQL. wrk with 32 keep-alive connections per page; prints p50/p99 per page, the small
# demo's p50, the ratio, the SQL statements the page ran (ASSURE_COUNT_QUERIES=1) and the
# server's peak resident memory (VmHWM). Figures, not pass/fail: CI runs no benchmark.
#
#   tests/bench/scale.sh [--partnerships N] [--years Y] [--seconds S] [--engine sqlite|postgres|both]
#
# Two baselines: the small demo, and England after its first year (N partnerships x 1 year,
# the same generator), so "as fast at ten years as on day one" compares like with like: pages
# of the same shape, the same partnership, the same page size. The ratio is against year one.
#
# The England SQLite database is kept in build/bench-scale/ and reused by later runs with the
# same size. PostgreSQL runs on a throwaway cluster (scripts/with-postgres); the England
# database is copied into it from the SQLite one with `assure copy`.
set -euo pipefail
cd "$(dirname "$0")/../.."
partnerships=150
years=10
seconds=5
engine=both
while [ $# -gt 0 ]; do
  case "$1" in
    --partnerships) partnerships="$2"; shift 2 ;;
    --years) years="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --engine) engine="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ -x build/assure ] || ./scripts/setup

if [ "$engine" = both ]; then
  "$0" --partnerships "$partnerships" --years "$years" --seconds "$seconds" --engine sqlite
  exec ./scripts/with-postgres "$0" --partnerships "$partnerships" --years "$years" --seconds "$seconds" --engine postgres
fi
if [ "$engine" = postgres ] && [ -z "${ASSURE_TEST_POSTGRES:-}" ]; then
  exec ./scripts/with-postgres "$0" --partnerships "$partnerships" --years "$years" --seconds "$seconds" --engine postgres
fi

keep=build/bench-scale
mkdir -p "$keep"
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

password="bench-scale-password"
export ASSURE_CASE_KEY="$(printf '6b%.0s' $(seq 32))"  # a fixed key: the data is made up
export ASSURE_LOG_LEVEL=warn
england_sqlite="$keep/england-${partnerships}x${years}.db"
if [ ! -f "$england_sqlite" ]; then
  echo "Generating England: $partnerships partnerships x $years years into $england_sqlite"
  /usr/bin/time -f "generated in %e s, peak %M kB" build/assure demo --scale england --partnerships "$partnerships" \
    --years "$years" --password "$password" --db "$england_sqlite" >"$keep/england-${partnerships}x${years}.txt"
  tail -n 40 "$keep/england-${partnerships}x${years}.txt" | sed -n '/Rows:/,/total/p'
fi
first_year_sqlite="$keep/england-${partnerships}x1.db"
if [ ! -f "$first_year_sqlite" ]; then
  echo "Generating England's first year: $partnerships partnerships x 1 year into $first_year_sqlite"
  build/assure demo --scale england --partnerships "$partnerships" --years 1 --password "$password" \
    --db "$first_year_sqlite" >"$keep/england-${partnerships}x1.txt"
fi
england_bu="$(awk '$1 == "business_unit" { print $2; exit }' "$keep/england-${partnerships}x${years}.txt")"
first_year_bu="$(awk '$1 == "business_unit" { print $2; exit }' "$keep/england-${partnerships}x1.txt")"
small_bu="gareth.oduya@knowsley-council.example"

if [ "$engine" = postgres ]; then
  base="${ASSURE_TEST_POSTGRES%/*}"
  psql "$ASSURE_TEST_POSTGRES" -qc "CREATE DATABASE small" -c "CREATE DATABASE england" -c "CREATE DATABASE first_year" >/dev/null
  small_db="$base/small"
  england_db="$base/england"
  first_year_db="$base/first_year"
  build/assure copy --from "$first_year_sqlite" --to "$first_year_db" >/dev/null
  echo "Copying $england_sqlite into PostgreSQL"
  start=$(date +%s)
  build/assure copy --from "$england_sqlite" --to "$england_db" >/dev/null
  echo "copied in $(( $(date +%s) - start )) s"
else
  small_db="$work/small.db"
  england_db="$england_sqlite"  # served in place: a run adds only a session and a token
  first_year_db="$first_year_sqlite"
fi
build/assure demo --db "$small_db" --password "$password" >/dev/null

# shellcheck source=tests/bench/england.sh
source tests/bench/england.sh  # the working folder is the repository's root (see the cd above)

to_ms() {  # wrk's 1.23ms / 456.00us / 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# Runs wrk on every page; writes "path p50 p99 statements status" lines to $1.
measure() {
  : >"$1"
  while read -r kind path; do
    local header
    if [ "$kind" = api ]; then header="Authorization: Bearer $token"; else header="Cookie: $cookie"; fi
    local statements status
    status="$(curl -s -o /dev/null -D "$work/headers" -w '%{http_code}' -H "$header" "$base$path")"
    statements="$(awk -F': ' 'tolower($1) == "x-assure-statements" { gsub("\r", "", $2); print $2 }' "$work/headers")"
    # Served again from the pages kept by data version (decision 0017)? "hit", "miss" (rendered
    # every time: a case list, which logs each view) or "off" (ASSURE_PAGE_CACHE_MB=0).
    local kept
    kept="$(curl -s -o /dev/null -D - -H "$header" "$base$path" | awk -F': ' 'tolower($1) == "x-assure-cache" { gsub("\r", "", $2); print $2 }')"
    wrk -t2 -c32 -d1s -H "$header" "$base$path" >/dev/null 2>&1 || true  # warm
    local out p50 p99 cpu_before cpu_after requests cpu_us
    # The server's CPU time per request: steadier than latency on a shared machine.
    cpu_before="$(awk '{ print $14 + $15 }' "/proc/$server/stat")"
    out="$(wrk -t2 -c32 -d"${seconds}s" --latency -H "$header" "$base$path" 2>&1)"
    cpu_after="$(awk '{ print $14 + $15 }' "/proc/$server/stat")"
    requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
    cpu_us="$(awk -v t=$((cpu_after - cpu_before)) -v n="${requests:-0}" -v hz="$(getconf CLK_TCK)" \
      'BEGIN { if (n > 0) printf "%d", t * 1000000 / hz / n; else print "-" }')"
    if grep -q "Non-2xx" <<<"$out"; then status="$status(non-2xx under load)"; fi
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
    echo "$path $p50 $p99 ${statements:-?} $cpu_us ${kept:-off} $status" >>"$1"
  done < <(pages)
}

peak_rss() { awk '/VmHWM/ { printf "%d MB", $2 / 1024 }' "/proc/$server/status"; }

echo
echo "== $engine: small demo"
start_server "$small_db" "$small_bu"
resolve_ids
measure "$work/small.txt"
small_rss="$(peak_rss)"
stop_server

echo "== $engine: England ${partnerships}x1, as $first_year_bu"
start_server "$first_year_db" "$first_year_bu"
resolve_ids
measure "$work/first_year.txt"
first_year_rss="$(peak_rss)"
stop_server

echo "== $engine: England ${partnerships}x${years}, as $england_bu"
start_server "$england_db" "$england_bu"
resolve_ids
measure "$work/england.txt"
england_rss="$(peak_rss)"
stop_server

printf '\n%-30s %7s %7s %7s %7s %7s %7s %7s %7s %6s %6s %5s %s\n' "$engine page" "small" "year1" "p50" "p99" "x year1" "cpu us" "year1" "x cpu" "stmts" "year1" "kept" "status"
printf '%-30s %7s %7s %7s %7s %7s %7s %7s %7s %6s %6s\n' "" "p50 ms" "p50 ms" "ms" "ms" "" "" "cpu us" "" "" ""
# Pages are matched by position: the ids in a path differ between the databases.
paste -d' ' "$work/small.txt" "$work/first_year.txt" "$work/england.txt" |
  while read -r _ sp50 _ _ _ _ _ _ yp50 _ yst ycpu _ _ path p50 p99 st cpu kept status; do
    ratio="$(awk -v a="$p50" -v b="$yp50" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')"
    cpu_ratio="$(awk -v a="$cpu" -v b="$ycpu" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')"
    printf '%-30s %7s %7s %7s %7s %7s %7s %7s %7s %6s %6s %5s %s\n' "$path" "$sp50" "$yp50" "$p50" "$p99" "$ratio" "$cpu" "$ycpu" "$cpu_ratio" "$st" "$yst" "$kept" "$status"
  done
echo "peak RSS (VmHWM): small demo $small_rss, England first year $first_year_rss, England $england_rss"
