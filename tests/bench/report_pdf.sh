#!/usr/bin/env bash
# How long the yearly report takes to render as a PDF for a partnership with years of records
# (issue 18: "a yearly report for a partnership with ten years of data renders to PDF in under
# 10 seconds"). Generates one partnership with Y years (`assure demo --scale england`), signs in
# as its business unit and asks for each year's report as a PDF, one request at a time, printing
# the seconds each took, its size and its pages. Figures, not pass/fail: CI runs no benchmark.
#
#   tests/bench/report_pdf.sh [YEARS] [ROUNDS]     # defaults: 10 2
set -euo pipefail
cd "$(dirname "$0")/../.."
years="${1:-10}"
rounds="${2:-2}"
command -v curl >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl >/dev/null
command -v pdfinfo >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
[ -x build/assure ] || ./scripts/setup
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
password="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
build/assure demo --db "$work/p.db" --scale england --partnerships 1 --years "$years" --password "$password" > "$work/accounts"
email="$(awk '$1 == "business_unit" { print $2; exit }' "$work/accounts")"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
build/assure serve --db "$work/p.db" --bind 127.0.0.1 --port "$port" > "$work/serve.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
jar="$work/jar"
csrf="$(curl -fs -c "$jar" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)"
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=$email" --data-urlencode "password=$password" \
  --data-urlencode "csrf_token=$csrf" "$base/login"
this_year="$(date +%Y)"; [ "$(date +%m)" -lt 4 ] && this_year=$((this_year - 1))
echo "one partnership, $years years of records; each year's report as a PDF, $rounds rounds"
printf '%-8s %6s %10s %8s %6s\n' year round seconds bytes pages
for round in $(seq "$rounds"); do
  for offset in $(seq 1 "$years"); do
    start=$((this_year - offset))
    year="$start-$(printf '%02d' $(((start + 1) % 100)))"
    out="$(curl -fs -b "$jar" -o "$work/r.pdf" -w '%{time_total} %{size_download}' "$base/reports/$year.pdf")"
    printf '%-8s %6s %10s %8s %6s\n' "$year" "$round" ${out} "$(pdfinfo "$work/r.pdf" | awk '/^Pages:/ { print $2 }')"
  done
done
