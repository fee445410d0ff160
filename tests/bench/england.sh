# Shared by the England benchmarks (scale.sh, cost.sh): sourced, not run. The caller sets
# `work` (a temporary folder) and `password`, and reads `server`, `base`, `cookie` and `token`.

# Waits until the server has stopped working on its own (at start it checks the whole audit
# trail's hash chain, seconds of CPU on England), so that work is not charged to a page.
wait_idle() {
  local before after
  for _ in $(seq 240); do
    before="$(awk '{ print $14 + $15 }' "/proc/$server/stat")"
    sleep 0.5
    after="$(awk '{ print $14 + $15 }' "/proc/$server/stat")"
    [ "$before" = "$after" ] && return 0
  done
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts the server on $1 (counting its SQL statements for the X-Assure-Statements header: an
# increment per statement) and signs in as $2: sets base, server, cookie and token.
start_server() {
  token="$(build/assure token create --db "$1" --user "$2" --name bench)"
  local port
  port="$(free_port)"
  ASSURE_COUNT_QUERIES=1 build/assure serve --db "$1" --bind 127.0.0.1 --port "$port" >"$work/serve.log" 2>&1 &
  server=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.1; done
  local jar="$work/cookies"
  rm -f "$jar"
  local csrf
  csrf="$(curl -fs -c "$jar" "$base/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)"
  curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=$2" --data-urlencode "password=$password" \
    --data-urlencode "csrf_token=$csrf" "$base/login"
  cookie="assure_session=$(awk '$6 == "assure_session" { print $7 }' "$jar")"
  wait_idle
}

stop_server() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
}

api() { curl -fs -H "Authorization: Bearer $token" "$base$1"; }

# The records whose pages list children: the executive group and the newest audit cycle.
resolve_ids() {
  group="$(api /api/v1/groups | jq -r '[.items[] | select(.type == "executive")][0].id')"
  cycle="$(api /api/v1/audits | jq -r '.items[0].id')"
}

pages() {
  cat <<LIST
page / 
page /actions
page /actions?state=open
page /groups
page /groups/$group
page /attendance
page /forward-plan
page /interests
page /improvement
page /learning
page /briefings
page /priorities
page /audits
page /audits/$cycle
page /reviews
page /agencies
page /people
page /audit
api /api/v1/actions
api /api/v1/agencies
api /api/v1/people
api /api/v1/groups
api /api/v1/groups/$group/meetings
api /api/v1/groups/$group/members
api /api/v1/groups/$group/attendance
api /api/v1/improvement-actions
api /api/v1/learning
api /api/v1/audits
api /api/v1/audits/$cycle/returns
api /api/v1/incidents
LIST
}

