#!/usr/bin/env bash
# Assure's HTTP layer against nginx serving the same bytes, page by page: requests a second,
# p50 and p99 latency, and CPU microseconds per request for each server (from the utime and
# stime in /proc/PID/stat before and after the run). Then 1,000 idle keep-alive connections
# held open while a new client asks for a page: how long it waits for the first byte; and 200
# slow clients (a header byte a second) while a new client asks for /healthz.
# Prints figures; times nothing in CI.
#
#   tests/bench/serving.sh [SECONDS] [CONNECTIONS]      # defaults: 5 32
#   ASSURE_BIN=path/to/assure tests/bench/serving.sh    # another build, to compare
#   ASSURE_CONFIG=file.toml tests/bench/serving.sh      # serve with these settings
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-5}"
connections="${2:-32}"
threads=2
assure_bin="${ASSURE_BIN:-build/assure}"

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ -x "$assure_bin" ] || ./scripts/setup

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

password="bench-password-$RANDOM$RANDOM"
"$assure_bin" demo --db "$work/assure.db" --password "$password" >/dev/null
user="gareth.oduya@knowsley-council.example"  # the demo's business unit
token="$("$assure_bin" token create --db "$work/assure.db" --user "$user" --name bench | tail -1)"
assure_port="$(free_port)"
config_args=()
if [ -n "${ASSURE_CONFIG:-}" ]; then config_args=(--config "$ASSURE_CONFIG"); fi
ASSURE_LOG_LEVEL=warn "$assure_bin" "${config_args[@]}" serve --db "$work/assure.db" --bind 127.0.0.1 --port "$assure_port" \
  >"$work/assure.log" 2>&1 &
assure_pid=$!
pids+=("$assure_pid")
base="http://127.0.0.1:$assure_port"
for _ in $(seq 50); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.1; done

jar="$work/cookies"
csrf="$(curl -fs -c "$jar" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)"
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=$user" \
  --data-urlencode "password=$password" --data-urlencode "csrf_token=$csrf" "$base/login"
session="$(awk '$6 == "assure_session" { print $7 }' "$jar")"
[ -n "$session" ] || { echo "could not sign in" >&2; exit 1; }

# A case page: rendered and written to the access log on every view, never kept.
case_id="$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/incidents?limit=1" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')"

# name | path | the header that authenticates it (none for a public page)
pages=(
  "home|/|Cookie: assure_session=$session"
  "agencies|/agencies|Cookie: assure_session=$session"
  "chronology|/reviews/$case_id/chronology|Cookie: assure_session=$session"
  "improvement|/improvement|Cookie: assure_session=$session"
  "case page|/reviews/$case_id|Cookie: assure_session=$session"
  "api-agencies|/api/v1/agencies|Authorization: Bearer $token"
  "login (public)|/login|"
  "public site home|/p/knowsley/|"
  "public yearly report|/p/knowsley/reports/2016-17|"
)

# nginx serves each page's saved bytes under the same name.
mkdir -p "$work/www" "$work/nginx/logs"
for entry in "${pages[@]}"; do
  IFS='|' read -r name path header <<<"$entry"
  file="$work/www/$(echo "$name" | tr -c 'a-z0-9\n' '_').html"
  curl -fs ${header:+-H "$header"} "$base$path" -o "$file"
done
chmod 755 "$work" "$work/www" && chmod 644 "$work"/www/*  # nginx's workers drop root
nginx_port="$(free_port)"
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  sendfile on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  default_type text/html;
  server { listen 127.0.0.1:$nginx_port backlog=1024; root $work/www; }
}
CONF
nginx -c "$work/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
pids+=("$nginx_pid")
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$nginx_port/" -o /dev/null -w '%{http_code}' 2>/dev/null | grep -q . && break; sleep 0.1; done

# CPU ticks (utime + stime) of a process and its children's threads; nginx: master and workers.
ticks() {
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$p/stat")))
  done
  echo "$total"
}
nginx_pids() { echo "$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')"; }
hz="$(getconf CLK_TCK)"

# wrk against one URL; prints "requests/s p50 p99 cpu-us-per-request".
measure() {
  local url="$1" header="$2"; shift 2
  local pidlist="$*"
  wrk -t"$threads" -c"$connections" -d1s ${header:+-H "$header"} "$url" >/dev/null  # warm-up
  local before after out
  before="$(ticks $pidlist)"
  out="$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency ${header:+-H "$header"} "$url")"
  after="$(ticks $pidlist)"
  echo "$out" | awk -v url="$url" -v cpu=$((after - before)) -v hz="$hz" '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /requests in/ { n = $1 } /^Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    END {
      if (bad) { print "non-2xx responses from " url ": " bad > "/dev/stderr"; exit 1 }
      printf "%.0f %.2f %.2f %.0f\n", rps, p50, p99, (n ? cpu / hz * 1e6 / n : 0)
    }'
}

echo "wrk -t$threads -c$connections -d${seconds}s on loopback, $(nproc) cores, keep-alive; CPU from /proc/PID/stat"
printf '%-16s %7s | %9s %7s %7s %7s | %9s %7s %7s %7s | %6s %6s\n' page bytes \
  "Assure/s" "p50 ms" "p99 ms" "CPU us" "nginx/s" "p50 ms" "p99 ms" "CPU us" "rate" "CPU"
for entry in "${pages[@]}"; do
  IFS='|' read -r name path header <<<"$entry"
  file="$(echo "$name" | tr -c 'a-z0-9\n' '_').html"
  bytes="$(wc -c <"$work/www/$file")"
  read -r a_rps a_p50 a_p99 a_cpu < <(measure "$base$path" "$header" "$assure_pid")
  read -r n_rps n_p50 n_p99 n_cpu < <(measure "http://127.0.0.1:$nginx_port/$file" "" $(nginx_pids))
  awk -v name="$name" -v bytes="$bytes" -v ar="$a_rps" -v a50="$a_p50" -v a99="$a_p99" -v ac="$a_cpu" \
      -v nr="$n_rps" -v n50="$n_p50" -v n99="$n_p99" -v nc="$n_cpu" 'BEGIN {
    printf "%-16s %7d | %9d %7.2f %7.2f %7d | %9d %7.2f %7.2f %7d | %5.0f%% %5.1fx\n",
      name, bytes, ar, a50, a99, ac, nr, n50, n99, nc, ar / nr * 100, (nc ? ac / nc : 0) }'
done

# 1,000 idle keep-alive connections (each has had one answer), then a new client's first byte.
python3 - "$assure_port" "$nginx_port" <<'PY'
import socket, sys, time
def idle_then_new(port, n=1000):
    held = []
    request = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(request if port == int(sys.argv[1]) else b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        s.recv(65536)
        held.append(s)
    waits = []
    for _ in range(20):
        start = time.perf_counter()
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(request)
        s.recv(1)
        waits.append((time.perf_counter() - start) * 1000)
        s.close()
    alive = 0
    for s in held:
        s.sendall(request)
        alive += bool(s.recv(65536))
        s.close()
    waits.sort()
    return waits[len(waits) // 2], waits[-1], alive
# 200 clients each sending one byte of a request header a second (slowloris); after three
# seconds a new client asks for /healthz: how long until its whole answer.
def slow_then_new(port, n=200):
    request = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(n)]
    for k in range(3):
        for s in slow:
            try: s.send(request[k:k + 1])
            except OSError: pass
        time.sleep(1)
    start = time.perf_counter()
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(30)
    s.sendall(request)
    try: answered = s.recv(65536).startswith(b"HTTP/1.1 200")
    except OSError: answered = False
    took = (time.perf_counter() - start) * 1000
    for c in slow + [s]: c.close()
    return took, answered
for name, port in (("Assure", int(sys.argv[1])), ("nginx", int(sys.argv[2]))):
    p50, worst, alive = idle_then_new(port)
    print(f"{name}: 1,000 idle keep-alive connections; a new client's first byte p50 {p50:.2f} ms, "
          f"worst of 20 {worst:.2f} ms; {alive} of 1,000 still open")
took, answered = slow_then_new(int(sys.argv[1]))
print(f"Assure: 200 slow clients (a header byte a second); a new client's /healthz "
      f"{'answered' if answered else 'NOT answered'} in {took:.1f} ms")
PY
rss_kb="$(awk '/^VmHWM/ { print $2 }' "/proc/$assure_pid/status")"
echo "Assure peak memory (VmHWM): $((rss_kb / 1024)) MB"
