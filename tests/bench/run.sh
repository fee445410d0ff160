#!/usr/bin/env bash
# Throughput and latency of an authenticated Assure page against nginx serving the same
# bytes from a file: wrk, loopback, keep-alive. Prints figures and ratios; times nothing in CI.
#
#   tests/bench/run.sh [PAGE] [SECONDS] [CONNECTIONS]
#   PAGE defaults to /agencies (the directory's agency list, signed in as the business unit).
set -euo pipefail
cd "$(dirname "$0")/../.."
page="${1:-/agencies}"
seconds="${2:-10}"
connections="${3:-32}"
threads=2

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ -x build/assure ] || ./scripts/setup

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Assure with the demo partnership, everyone's password known to this script.
password="bench-password-$RANDOM$RANDOM"
build/assure demo --db "$work/assure.db" --password "$password" >/dev/null
assure_port="$(free_port)"
ASSURE_LOG_LEVEL=warn build/assure serve --db "$work/assure.db" --bind 127.0.0.1 --port "$assure_port" \
  >"$work/assure.log" 2>&1 &
pids+=($!)
base="http://127.0.0.1:$assure_port"
for _ in $(seq 50); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.1; done

# Sign in as the business unit with a cookie jar, as a browser would.
jar="$work/cookies"
csrf="$(curl -fs -c "$jar" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)"
curl -fs -b "$jar" -c "$jar" -o /dev/null \
  --data-urlencode "email=gareth.oduya@knowsley-council.example" \
  --data-urlencode "password=$password" --data-urlencode "csrf_token=$csrf" "$base/login"
session="$(awk '$6 == "assure_session" { print $7 }' "$jar")"
[ -n "$session" ] || { echo "could not sign in" >&2; exit 1; }
cookie="assure_session=$session"

# The same bytes, saved, for nginx.
mkdir -p "$work/www"
curl -fs -H "Cookie: $cookie" "$base$page" -o "$work/www/page.html"
bytes="$(wc -c <"$work/www/page.html")"
chmod 755 "$work" "$work/www" && chmod 644 "$work/www/page.html"  # nginx's workers drop root
grep -q "govuk-table" "$work/www/page.html" || grep -q "govuk-main-wrapper" "$work/www/page.html" ||
  { echo "the page did not render signed in" >&2; exit 1; }
nginx_port="$(free_port)"
mkdir -p "$work/nginx/logs"
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  types { text/html html; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location = /page { default_type text/html; try_files /page.html =404; }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work/nginx" &
pids+=($!)
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$nginx_port/page" >/dev/null && break; sleep 0.1; done

# Runs wrk and prints "requests/s p50 p90 p99" (latencies in ms).
measure() {
  local url="$1"; shift
  wrk -t"$threads" -c"$connections" -d2s "$@" "$url" >/dev/null   # warm-up
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@" "$url" | awk -v url="$url" '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /^Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    END { if (bad) { print "non-2xx responses from " url ": " bad > "/dev/stderr"; exit 1 } printf "%.0f %.2f %.2f %.2f\n", rps, p50, p90, p99 }'
}

read -r a_rps a_p50 a_p90 a_p99 < <(measure "$base$page" -H "Cookie: $cookie")
read -r n_rps n_p50 n_p90 n_p99 < <(measure "http://127.0.0.1:$nginx_port/page")

echo "Page $page, $bytes bytes, wrk -t$threads -c$connections -d${seconds}s on loopback, $(nproc) cores"
printf '%-28s %12s %9s %9s %9s\n' "" "requests/s" "p50 ms" "p90 ms" "p99 ms"
printf '%-28s %12s %9s %9s %9s\n' "Assure (signed in, SQLite)" "$a_rps" "$a_p50" "$a_p90" "$a_p99"
printf '%-28s %12s %9s %9s %9s\n' "nginx (same bytes, file)" "$n_rps" "$n_p50" "$n_p90" "$n_p99"
awk -v a="$a_rps" -v n="$n_rps" -v p99="$a_p99" 'BEGIN {
  ratio = a / n * 100
  printf "Assure/nginx throughput: %.0f%% (target at least 60%%)\n", ratio
  printf "Assure p99: %.2f ms (target at most 10 ms)\n", p99
  printf "Targets: %s\n", (ratio >= 60 && p99 <= 10) ? "met" : "NOT met"
}'
