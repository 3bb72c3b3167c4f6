#!/usr/bin/env bash
# Throughput of the router next to a plain WebSocket echo on the same stack, measured in the same run.
#
# Builds sample-app and wamp-benchmarks (with the modules they depend on), starts the sample app as its own process
# on a free loopback port with the `benchmark` profile, runs the scenarios interleaved for ROUNDS rounds
# (echo, rpc-remote, rpc-annotated, echo, ...), prints one BENCH line per run and a table with min/max per scenario
# and the ratios rpc/echo and rpc/(echo/2). The app is stopped by its PID at the end, also on failure or Ctrl-C.
#
# Knobs (environment): ROUNDS=2 CONNECTIONS=50 WARMUP_S=5 DURATION_S=15 PAYLOAD=64 SKIP_BUILD=0
#   SERVER_JAVA_OPTS="-Xms512m -Xmx512m" CLIENT_JAVA_OPTS="-Xms256m -Xmx256m" OUT_DIR=wamp-benchmarks/target/benchmark
# Load only ever goes to 127.0.0.1; every run stops by itself after WARMUP_S + DURATION_S (+ bounded drain/close).
set -euo pipefail

ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-50}
WARMUP_S=${WARMUP_S:-5}
DURATION_S=${DURATION_S:-15}
PAYLOAD=${PAYLOAD:-64}
SKIP_BUILD=${SKIP_BUILD:-0}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-"-Xms512m -Xmx512m"}
CLIENT_JAVA_OPTS=${CLIENT_JAVA_OPTS:-"-Xms256m -Xmx256m"}
SCENARIOS=(echo rpc-remote rpc-annotated)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT_DIR=${OUT_DIR:-"$ROOT/wamp-benchmarks/target/benchmark"}
mkdir -p "$OUT_DIR"
RESULTS="$OUT_DIR/results.txt"
APP_LOG="$OUT_DIR/sample-app.log"
: > "$RESULTS"

APP_PID=""
cleanup() {
  local status=$?
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    echo "stopping sample app (pid $APP_PID)" >&2
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
      echo "sample app did not stop in 15 s; killing pid $APP_PID" >&2
      kill -9 "$APP_PID" 2>/dev/null || true
    fi
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

if [[ "$SKIP_BUILD" != "1" ]]; then
  echo "building sample-app and wamp-benchmarks" >&2
  (cd "$ROOT" && mvn -q -ntp -DskipTests package -pl sample-app,wamp-benchmarks -am)
fi
# private copies, so a concurrent build of the modules cannot swap the jars under a running benchmark
cp "$ROOT/sample-app/target/sample-app.jar" "$OUT_DIR/sample-app.jar"
cp "$ROOT/wamp-benchmarks/target/wamp-benchmarks.jar" "$OUT_DIR/wamp-benchmarks.jar"

PORT=$(free_port)
# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS -jar "$OUT_DIR/sample-app.jar" --spring.profiles.active=benchmark \
  --server.port="$PORT" --server.address=127.0.0.1 > "$APP_LOG" 2>&1 &
APP_PID=$!
echo "sample app pid $APP_PID on 127.0.0.1:$PORT (log $APP_LOG)" >&2

for _ in $(seq 1 120); do
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    echo "sample app exited during startup:" >&2
    tail -50 "$APP_LOG" >&2
    exit 1
  fi
  if grep -q "Started SampleApplication" "$APP_LOG"; then
    break
  fi
  sleep 0.5
done
grep -q "Started SampleApplication" "$APP_LOG" || { echo "sample app did not start in 60 s" >&2; exit 1; }

echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ)" | tee -a "$RESULTS"
echo "# java: $(java -version 2>&1 | head -2 | tail -1)" | tee -a "$RESULTS"
echo "# machine: nproc=$(nproc), memory=$(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -srm)" | tee -a "$RESULTS"
echo "# settings: rounds=$ROUNDS connections=$CONNECTIONS warmup_s=$WARMUP_S duration_s=$DURATION_S payload=$PAYLOAD" \
  "server_opts='$SERVER_JAVA_OPTS' client_opts='$CLIENT_JAVA_OPTS'" | tee -a "$RESULTS"

failures=0
for round in $(seq 1 "$ROUNDS"); do
  for scenario in "${SCENARIOS[@]}"; do
    echo "# round $round $scenario: load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
    # shellcheck disable=SC2086
    if ! java $CLIENT_JAVA_OPTS -jar "$OUT_DIR/wamp-benchmarks.jar" run --server "ws://127.0.0.1:$PORT" \
        --scenario "$scenario" --connections "$CONNECTIONS" --warmup-s "$WARMUP_S" --duration-s "$DURATION_S" \
        --payload "$PAYLOAD" --round "$round" | tee -a "$RESULTS"; then
      echo "# round $round $scenario: FAILED" | tee -a "$RESULTS"
      failures=$((failures + 1))
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "sample app died; see $APP_LOG" >&2; exit 1; }
  done
done

echo
java $CLIENT_JAVA_OPTS -jar "$OUT_DIR/wamp-benchmarks.jar" summarize "$RESULTS" | tee "$OUT_DIR/table.md"
echo
echo "results: $RESULTS, table: $OUT_DIR/table.md" >&2
if grep -qiE "ERROR|Exception" "$APP_LOG"; then
  echo "note: the sample app logged errors, see $APP_LOG" >&2
fi
[[ $failures -eq 0 ]]
