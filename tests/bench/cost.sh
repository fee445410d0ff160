#!/usr/bin/env bash
# What one request to each list page and API list costs the server in CPU time, on England after
# its first year and after ten (the same generator, the same partnership, the same page sizes):
# "as fast at ten years as on day one", measured without a load generator. Requests are sent
# one at a time with curl; the server's utime+stime from /proc before and after gives CPU
# microseconds per request, which a busy machine disturbs far less than latency. Figures, not
# pass/fail: CI runs no benchmark.
#
#   tests/bench/cost.sh [--partnerships N] [--years Y] [--requests R]     # defaults: 150 10 200
#
# The England databases are kept in build/bench-scale/ (as scale.sh keeps them) and reused.
set -euo pipefail
cd "$(dirname "$0")/../.."
partnerships=150
years=10
requests=200
while [ $# -gt 0 ]; do
  case "$1" in
    --partnerships) partnerships="$2"; shift 2 ;;
    --years) years="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
need=()
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ -x build/assure ] || ./scripts/setup

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

database() {  # years -> path, generated once
  local db="$keep/england-${partnerships}x$1.db"
  if [ ! -f "$db" ]; then
    echo "Generating England: $partnerships partnerships x $1 years into $db" >&2
    build/assure demo --scale england --partnerships "$partnerships" --years "$1" --password "$password" \
      --db "$db" >"$keep/england-${partnerships}x$1.txt"
  fi
  echo "$db"
}

# shellcheck source=tests/bench/england.sh
source tests/bench/england.sh

# Serves $1, signs in as its first partnership's business unit and writes "path cpu_us bytes" lines to $2.
measure() {
  local db="$1" out="$2" hz
  start_server "$db" "$(awk '$1 == "business_unit" { print $2; exit }' "${db%.db}.txt")"
  resolve_ids
  hz="$(getconf CLK_TCK)"
  : >"$out"
  while read -r kind path; do
    local header urls=() before after bytes
    if [ "$kind" = api ]; then header="Authorization: Bearer $token"; else header="Cookie: $cookie"; fi
    for _ in $(seq "$requests"); do urls+=("$base$path"); done
    bytes="$(curl -fs -H "$header" "$base$path" | wc -c)"  # also warms the page
    before="$(awk '{ print $14 + $15 }' "/proc/$server/stat")"
    curl -s -H "$header" "${urls[@]}" >/dev/null
    after="$(awk '{ print $14 + $15 }' "/proc/$server/stat")"
    echo "$path $(( (after - before) * 1000000 / hz / requests )) $bytes" >>"$out"
  done < <(pages)
  stop_server
}

measure "$(database 1)" "$work/first.txt"
measure "$(database "$years")" "$work/last.txt"
printf '\n%-34s %12s %12s %7s %12s %12s\n' "page ($partnerships partnerships)" "year 1 us" "year $years us" "x" "year 1 bytes" "year $years bytes"
paste -d' ' "$work/first.txt" "$work/last.txt" | while read -r path c1 b1 _ c2 b2; do
  ratio="$(awk -v a="$c2" -v b="$c1" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')"
  printf '%-34s %12s %12s %7s %12s %12s\n' "$path" "$c1" "$c2" "$ratio" "$b1" "$b2"
done
echo "(CPU per request from the server's utime+stime over $requests requests sent one at a time; clock ticks of $((1000000 / $(getconf CLK_TCK))) us)"
