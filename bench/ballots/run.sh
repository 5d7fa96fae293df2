#!/usr/bin/env bash
# Ballot submissions over HTTP: starts `mandate serve` (embedded PostgreSQL, fresh data dir) in a second
# process on 127.0.0.1, drives it with BallotLoad.java from this process, then stops it, restarts it on
# the same data and checks that every accepted ballot is in the ledger exactly once. One fresh server per
# concurrency level. Settings come from the environment:
#
#   CONCURRENCY="16 64"  MEMBERS=200  WARMUP=2000  SUBMISSIONS=20000  MAX_SECONDS=120  BASELINE=0  PORT=7071  CLIENT=raw
#   OUT=<dir for data, logs, receipts; default a new /tmp/mandate-ballots.XXXXXX>  KEEP_DATA=0
#
# Bounded: each phase stops after its count or MAX_SECONDS; server start and stop wait at most 180 s / 60 s.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"

CONCURRENCY="${CONCURRENCY:-16 64}"
MEMBERS="${MEMBERS:-200}"
WARMUP="${WARMUP:-2000}"
SUBMISSIONS="${SUBMISSIONS:-20000}"
MAX_SECONDS="${MAX_SECONDS:-120}"
BASELINE="${BASELINE:-0}"
CLIENT="${CLIENT:-raw}"
PORT="${PORT:-7071}"
KEEP_DATA="${KEEP_DATA:-0}"
OUT="${OUT:-$(mktemp -d /tmp/mandate-ballots.XXXXXX)}"
mkdir -p "$OUT"
base="http://127.0.0.1:$PORT"

machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, $(uname -srm)"
  echo "jdk: $("$java" -version 2>&1 | head -1)"
  echo "uptime: $(uptime)"
}

if [ ! -f "$root/app/target/mandate.jar" ]; then
  echo "building app/target/mandate.jar (tests skipped)..."
  (cd "$root" && ./mvnw -q -B install -DskipTests)
fi
# Run from a snapshot (hard links, no copying) so a concurrent rebuild cannot swap jars under the server.
app="$OUT/app"
if [ ! -d "$app" ]; then
  mkdir -p "$app"
  cp -al "$root/app/target/mandate.jar" "$root/app/target/lib" "$app/" 2>/dev/null \
    || cp -a "$root/app/target/mandate.jar" "$root/app/target/lib" "$app/"
fi

server_pid=""
pg_pid=""

start_server() { # $1 = data dir, $2 = log file
  if ss -ltn "sport = :$PORT" | grep -q LISTEN; then echo "port $PORT is already in use" >&2; exit 1; fi
  "$java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -jar "$app/mandate.jar" \
    serve --data "$1" --host 127.0.0.1 --port "$PORT" >"$2" 2>&1 &
  server_pid=$!
  local waited=0
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/objectives" || true)" = "200" ]; do
    if ! kill -0 "$server_pid" 2>/dev/null; then echo "the server exited; see $2" >&2; tail -20 "$2" >&2; server_pid=""; exit 1; fi
    if [ "$waited" -ge 180 ]; then echo "the server did not answer within 180 s; see $2" >&2; exit 1; fi
    sleep 1; waited=$((waited + 1))
  done
  pg_pid="$(head -1 "$1/pgdata/postmaster.pid" 2>/dev/null || true)"
  echo "server pid $server_pid (PostgreSQL postmaster pid ${pg_pid:-?}) answering on $base after ${waited} s"
}

stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$server_pid" 2>/dev/null && [ "$waited" -lt 60 ]; do sleep 1; waited=$((waited + 1)); done
  if kill -0 "$server_pid" 2>/dev/null; then
    echo "server $server_pid did not stop in 60 s; killing it" >&2
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  wait "$server_pid" 2>/dev/null || true
  # The shutdown hook stops PostgreSQL; make sure its postmaster is gone either way.
  if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null; then
    sleep 2
    kill -0 "$pg_pid" 2>/dev/null && { echo "stopping leftover postmaster $pg_pid" >&2; kill -TERM "$pg_pid" 2>/dev/null || true; sleep 3; }
    kill -0 "$pg_pid" 2>/dev/null && kill -KILL "$pg_pid" 2>/dev/null || true
  fi
  server_pid=""; pg_pid=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

echo "output in $OUT"
machine | tee "$OUT/machine-before.txt"
status=0
for c in $CONCURRENCY; do
  run="$OUT/c$c"
  rm -rf "$run"; mkdir -p "$run"
  echo
  echo "=== concurrency $c: $MEMBERS members, warm-up $WARMUP, timed $SUBMISSIONS (at most $MAX_SECONDS s) ==="
  echo "load before: $(cat /proc/loadavg)"
  start_server "$run/data" "$run/server.log"
  "$java" "$here/BallotLoad.java" load --base "$base" --members "$MEMBERS" --warmup "$WARMUP" \
    --submissions "$SUBMISSIONS" --concurrency "$c" --max-seconds "$MAX_SECONDS" --baseline "$BASELINE" --client "$CLIENT" \
    --receipts "$run/receipts.txt" --server-pid "$server_pid" --pg-pid "${pg_pid:-0}" | tee "$run/load.txt"
  echo "load after: $(cat /proc/loadavg)"
  stop_server
  echo "server stopped; restarting it on the same data to check what was stored"
  start_server "$run/data" "$run/server-verify.log"
  "$java" "$here/BallotLoad.java" verify --base "$base" --receipts "$run/receipts.txt" | tee "$run/verify.txt" || status=1
  stop_server
  [ "$KEEP_DATA" = 1 ] || rm -rf "$run/data"
done
[ "$KEEP_DATA" = 1 ] || rm -rf "$app"
echo
machine | tee "$OUT/machine-after.txt"
for c in $CONCURRENCY; do
  grep -h "RESULT\|verify:" "$OUT/c$c/load.txt" "$OUT/c$c/verify.txt" 2>/dev/null | sed "s/^ */concurrency $c: /" || true
done
exit $status
