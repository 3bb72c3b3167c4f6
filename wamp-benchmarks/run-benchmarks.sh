#!/usr/bin/env bash
# Throughput of the router on each WebSocket transport next to a plain WebSocket echo on the same stack, and what an
# idle session costs, measured in the same run.
#
# Builds sample-app and wamp-benchmarks (with the modules they depend on), starts the sample app with the `benchmark`
# profile on free loopback ports, once per transport (servlet: Tomcat; reactive: Reactor Netty, with
# --spring.main.web-application-type=reactive), and with CEILINGS=1 the two plain echo servers of wamp-benchmarks
# (Netty, Tomcat: no Spring, no WAMP). Runs the throughput scenarios for ROUNDS rounds, interleaved: each scenario
# against each target in turn (the order of the targets alternates from round to round), the echo servers only for
# `echo`. Each run is a fresh client JVM and prints one BENCH line tagged with its target.
# The `sessions` scenario runs after them, on fresh server processes (one per transport, and one per echo server
# with CEILINGS=1: bare connections only), each stopped when measured: SESSIONS lines with RSS and live heap per
# idle session. Prints the table with the ratios reactive/servlet and each transport over its stack's echo.
# Everything started is stopped by its PID at the end, also on failure or Ctrl-C.
#
# Knobs (environment):
#   TRANSPORT=both (servlet|reactive|both)  CEILINGS=0 (1: also the plain Netty and Tomcat echo servers)
#   SCENARIOS="echo rpc-remote rpc-annotated" (any of echo rpc-remote rpc-annotated pubsub-fanout sessions)
#   ROUNDS=2 CONNECTIONS=50 WARMUP_S=5 DURATION_S=15 PAYLOAD=64 SUBSCRIBERS=100 WINDOW=16 SKIP_BUILD=0
#   SERVER_JAVA_OPTS="-Xms512m -Xmx512m" CLIENT_JAVA_OPTS="-Xms256m -Xmx256m" OUT_DIR=wamp-benchmarks/target/benchmark
#   sessions: SESSIONS=10000 SESSIONS_KINDS=bare,wamp SESSIONS_ROUNDS=1 SESSIONS_CONCURRENCY=64
#   SESSIONS_SERVER_JAVA_OPTS="-Xmx1g" SESSIONS_CLIENT_JAVA_OPTS="-Xmx512m"
# Load only ever goes to 127.0.0.1; every run stops by itself after WARMUP_S + DURATION_S (+ bounded drain/close).
set -euo pipefail

TRANSPORT=${TRANSPORT:-both}
CEILINGS=${CEILINGS:-0}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-50}
WARMUP_S=${WARMUP_S:-5}
DURATION_S=${DURATION_S:-15}
PAYLOAD=${PAYLOAD:-64}
SUBSCRIBERS=${SUBSCRIBERS:-100}
WINDOW=${WINDOW:-16}
SKIP_BUILD=${SKIP_BUILD:-0}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-"-Xms512m -Xmx512m"}
CLIENT_JAVA_OPTS=${CLIENT_JAVA_OPTS:-"-Xms256m -Xmx256m"}
SESSIONS=${SESSIONS:-10000}
SESSIONS_KINDS=${SESSIONS_KINDS:-bare,wamp}
SESSIONS_ROUNDS=${SESSIONS_ROUNDS:-1}
SESSIONS_CONCURRENCY=${SESSIONS_CONCURRENCY:-64}
SESSIONS_SERVER_JAVA_OPTS=${SESSIONS_SERVER_JAVA_OPTS:-"-Xmx1g"}
SESSIONS_CLIENT_JAVA_OPTS=${SESSIONS_CLIENT_JAVA_OPTS:-"-Xmx512m"}
SCENARIO_LIST=${SCENARIOS:-"echo rpc-remote rpc-annotated"}

read -r -a SCENARIO_ARRAY <<< "${SCENARIO_LIST//,/ }"
THROUGHPUT=()
RUN_SESSIONS=0
for scenario in "${SCENARIO_ARRAY[@]}"; do
  case "$scenario" in
    echo|rpc-remote|rpc-annotated|pubsub-fanout) THROUGHPUT+=("$scenario") ;;
    sessions) RUN_SESSIONS=1 ;;
    *) echo "unknown scenario '$scenario' in SCENARIOS (echo rpc-remote rpc-annotated pubsub-fanout sessions)" >&2
       exit 2 ;;
  esac
done
case "$TRANSPORT" in
  servlet|reactive) TRANSPORTS=("$TRANSPORT") ;;
  both) TRANSPORTS=(servlet reactive) ;;
  *) echo "TRANSPORT must be servlet, reactive or both, not '$TRANSPORT'" >&2; exit 2 ;;
esac
CEILING_TARGETS=()
[[ "$CEILINGS" == "1" ]] && CEILING_TARGETS=(tomcat-echo netty-echo)

if [[ $RUN_SESSIONS -eq 1 ]]; then
  # server and client each hold SESSIONS sockets at once
  needed=$((SESSIONS + 2000))
  if (( $(ulimit -n) < needed )); then
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  fi
  if [[ "$(ulimit -n)" != unlimited ]] && (( $(ulimit -n) < needed )); then
    echo "sessions: open files limit $(ulimit -n) < $needed; raise it (ulimit -n) or lower SESSIONS" >&2
    exit 2
  fi
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench-lib.sh
source "$ROOT/wamp-benchmarks/bench-lib.sh"
OUT_DIR=${OUT_DIR:-"$ROOT/wamp-benchmarks/target/benchmark"}
mkdir -p "$OUT_DIR"
RESULTS="$OUT_DIR/results.txt"
: > "$RESULTS"

PIDS=()
cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do
    stop_pid "$pid"
  done
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ "$SKIP_BUILD" != "1" ]]; then
  echo "building sample-app and wamp-benchmarks" >&2
  (cd "$ROOT" && mvn -q -ntp -DskipTests package -pl sample-app,wamp-benchmarks -am)
fi
# private copies, so a concurrent build of the modules cannot swap the jars under a running benchmark
cp "$ROOT/sample-app/target/sample-app.jar" "$OUT_DIR/sample-app.jar"
cp "$ROOT/wamp-benchmarks/target/wamp-benchmarks.jar" "$OUT_DIR/wamp-benchmarks.jar"

# Starts TARGET (servlet, reactive, tomcat-echo, netty-echo) with the given JVM options; runs in this shell (its PID
# must reach PIDS) and sets STARTED_PORT and STARTED_PID.
start_target() {
  local target=$1 java_opts=$2 port pid log="$OUT_DIR/$1.log" ready
  port=$(free_port)
  case "$target" in
    servlet|reactive)
      local args=(--spring.profiles.active=benchmark --server.port="$port" --server.address=127.0.0.1
        --server.tomcat.max-connections=$((SESSIONS + 2000)))
      [[ $target == reactive ]] && args+=(--spring.main.web-application-type=reactive)
      # shellcheck disable=SC2086
      java $java_opts -jar "$OUT_DIR/sample-app.jar" "${args[@]}" > "$log" 2>&1 &
      ready="Started SampleApplication" ;;
    tomcat-echo|netty-echo)
      # shellcheck disable=SC2086
      java $java_opts -jar "$OUT_DIR/wamp-benchmarks.jar" echo-server --stack "${target%-echo}" --port "$port" \
        > "$log" 2>&1 &
      ready="ECHO-SERVER" ;;
  esac
  pid=$!
  PIDS+=("$pid")
  echo "$target pid $pid on 127.0.0.1:$port (log $log)" >&2
  await_ready "$target" "$pid" "$log" "$ready" 60
  STARTED_PORT=$port
  STARTED_PID=$pid
}

{
  echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ) commit=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" \
    diff --quiet 2>/dev/null || echo '+changes')"
  echo "# java: $(java -version 2>&1 | head -2 | tail -1)"
  echo "# machine: nproc=$(nproc), memory=$(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -srm)"
  echo "# settings: transports=${TRANSPORTS[*]} ceilings=$CEILINGS scenarios=${SCENARIO_ARRAY[*]} rounds=$ROUNDS" \
    "connections=$CONNECTIONS warmup_s=$WARMUP_S duration_s=$DURATION_S payload=$PAYLOAD subscribers=$SUBSCRIBERS" \
    "window=$WINDOW server_opts='$SERVER_JAVA_OPTS' client_opts='$CLIENT_JAVA_OPTS'"
  if [[ $RUN_SESSIONS -eq 1 ]]; then
    echo "# sessions: sessions=$SESSIONS kinds=$SESSIONS_KINDS rounds=$SESSIONS_ROUNDS" \
      "concurrency=$SESSIONS_CONCURRENCY server_opts='$SESSIONS_SERVER_JAVA_OPTS'" \
      "client_opts='$SESSIONS_CLIENT_JAVA_OPTS' ulimit_n=$(ulimit -n)"
  fi
} | tee -a "$RESULTS"

failures=0
if [[ ${#THROUGHPUT[@]} -gt 0 ]]; then
  declare -A PORT_OF PID_OF
  TARGETS=("${TRANSPORTS[@]}" "${CEILING_TARGETS[@]}")
  for target in "${TARGETS[@]}"; do
    start_target "$target" "$SERVER_JAVA_OPTS"
    PORT_OF[$target]=$STARTED_PORT
    PID_OF[$target]=$STARTED_PID
  done
  for round in $(seq 1 "$ROUNDS"); do
    order=("${TARGETS[@]}")
    if (( round % 2 == 0 )); then  # a load that rises or falls during the run favours no target in every round
      order=()
      for ((i = ${#TARGETS[@]} - 1; i >= 0; i--)); do order+=("${TARGETS[i]}"); done
    fi
    for scenario in "${THROUGHPUT[@]}"; do
      for target in "${order[@]}"; do
        [[ $target == *-echo && $scenario != echo ]] && continue
        echo "# round $round $scenario $target: load average before: $(cut -d' ' -f1-3 /proc/loadavg)" \
          | tee -a "$RESULTS"
        # shellcheck disable=SC2086
        if ! java $CLIENT_JAVA_OPTS -jar "$OUT_DIR/wamp-benchmarks.jar" run \
            --server "ws://127.0.0.1:${PORT_OF[$target]}" --scenario "$scenario" --connections "$CONNECTIONS" \
            --warmup-s "$WARMUP_S" --duration-s "$DURATION_S" --payload "$PAYLOAD" --subscribers "$SUBSCRIBERS" \
            --window "$WINDOW" --round "$round" | sed "s/^BENCH /BENCH target=$target /" | tee -a "$RESULTS"; then
          echo "# round $round $scenario $target: FAILED" | tee -a "$RESULTS"
          failures=$((failures + 1))
        fi
        kill -0 "${PID_OF[$target]}" 2>/dev/null || { echo "$target died; see $OUT_DIR/$target.log" >&2; exit 1; }
      done
    done
  done
  for target in "${TARGETS[@]}"; do
    stop_pid "${PID_OF[$target]}"
  done
fi

if [[ $RUN_SESSIONS -eq 1 ]]; then
  for round in $(seq 1 "$SESSIONS_ROUNDS"); do
    for target in "${TRANSPORTS[@]}" "${CEILING_TARGETS[@]}"; do
      kinds=$SESSIONS_KINDS
      [[ $target == *-echo ]] && kinds=bare  # a plain echo server has no router
      start_target "$target" "$SESSIONS_SERVER_JAVA_OPTS"
      echo "# sessions round $round $target: load average before: $(cut -d' ' -f1-3 /proc/loadavg)" \
        | tee -a "$RESULTS"
      # shellcheck disable=SC2086
      if ! java $SESSIONS_CLIENT_JAVA_OPTS -jar "$OUT_DIR/wamp-benchmarks.jar" sessions \
          --server "ws://127.0.0.1:$STARTED_PORT" --server-pid "$STARTED_PID" --target "$target" \
          --sessions "$SESSIONS" --kinds "$kinds" --concurrency "$SESSIONS_CONCURRENCY" | tee -a "$RESULTS"; then
        echo "# sessions round $round $target: FAILED" | tee -a "$RESULTS"
        failures=$((failures + 1))
      fi
      echo "# sessions round $round $target: load average after: $(cut -d' ' -f1-3 /proc/loadavg)" \
        | tee -a "$RESULTS"
      stop_pid "$STARTED_PID"
    done
  done
fi

echo
java $CLIENT_JAVA_OPTS -jar "$OUT_DIR/wamp-benchmarks.jar" summarize "$RESULTS" | tee "$OUT_DIR/table.md"
echo
echo "results: $RESULTS, table: $OUT_DIR/table.md" >&2
for log in "$OUT_DIR"/*.log; do
  if grep -qiE "ERROR|Exception" "$log"; then
    echo "note: $(basename "$log" .log) logged errors, see $log" >&2
  fi
done
[[ $failures -eq 0 ]]
