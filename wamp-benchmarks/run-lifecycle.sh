#!/usr/bin/env bash
# Session set-up and failure detection, on both WebSocket transports of the sample app (Tomcat and Reactor Netty).
#
# For each target (the current sample app on each transport, and with BASELINE_JAR the same two on another build of
# it, e.g. main before a change), starts the app as its own process on a free loopback port, runs
#   churn (mode fresh: a new WebSocket connection per session), churn (mode websocket-only: no HELLO),
#   callee-drop-fin and callee-drop-rst,
# with the app's PID for its CPU time, stops it by its PID, and prints a table with ratios against the first target
# (the baseline's Tomcat with BASELINE_JAR, else the current Tomcat). Targets alternate within each round, so each
# is measured under the same machine load as the others.
#
# Knobs (environment): ROUNDS=1 CONNECTIONS=50 WARMUP_S=30 DURATION_S=15 REPETITIONS=200 WAITING=5
#   LOAD_CONNECTIONS=16 BASELINE_JAR=path/to/sample-app.jar JFR=1 (a JFR of each server, profile settings)
#   SKIP_BUILD=0 SERVER_JAVA_OPTS="-Xms512m -Xmx512m" CLIENT_JAVA_OPTS="-Xms256m -Xmx256m"
#   OUT_DIR=wamp-benchmarks/target/lifecycle
# Load only ever goes to 127.0.0.1; every run stops by itself.
set -euo pipefail

ROUNDS=${ROUNDS:-1}
CONNECTIONS=${CONNECTIONS:-50}
WARMUP_S=${WARMUP_S:-30}
DURATION_S=${DURATION_S:-15}
REPETITIONS=${REPETITIONS:-200}
WAITING=${WAITING:-5}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-16}
BASELINE_JAR=${BASELINE_JAR:-}
JFR=${JFR:-0}
SKIP_BUILD=${SKIP_BUILD:-0}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-"-Xms512m -Xmx512m"}
CLIENT_JAVA_OPTS=${CLIENT_JAVA_OPTS:-"-Xms256m -Xmx256m"}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench-lib.sh
source "$ROOT/wamp-benchmarks/bench-lib.sh"
OUT_DIR=${OUT_DIR:-"$ROOT/wamp-benchmarks/target/lifecycle"}
mkdir -p "$OUT_DIR"
RESULTS="$OUT_DIR/results.txt"
: > "$RESULTS"

APP_PID=""
stop_app() {
  [[ -n "$APP_PID" ]] && stop_pid "$APP_PID"
  APP_PID=""
}
trap 'status=$?; stop_app; exit $status' EXIT
trap 'exit 130' INT TERM

if [[ "$SKIP_BUILD" != "1" ]]; then
  echo "building sample-app and wamp-benchmarks" >&2
  (cd "$ROOT" && mvn -q -ntp -DskipTests package -pl sample-app,wamp-benchmarks -am)
fi
# private copies, so a concurrent build cannot swap the jars under a running benchmark
cp "$ROOT/sample-app/target/sample-app.jar" "$OUT_DIR/current.jar"
cp "$ROOT/wamp-benchmarks/target/wamp-benchmarks.jar" "$OUT_DIR/wamp-benchmarks.jar"
TARGETS=(current-servlet current-reactive)
if [[ -n "$BASELINE_JAR" ]]; then
  cp "$BASELINE_JAR" "$OUT_DIR/baseline.jar"
  TARGETS=(baseline-servlet current-servlet baseline-reactive current-reactive)
fi

# starts target $1 (e.g. baseline-reactive) on port $2
start_app() {
  local target=$1 port=$2 jar="$OUT_DIR/${1%-*}.jar" type=${1#*-} log="$OUT_DIR/$1.log" jfr=()
  if [[ "$JFR" == "1" ]]; then
    jfr=("-XX:StartFlightRecording=filename=$OUT_DIR/$target-round$round.jfr,settings=profile"
      "-XX:+UnlockDiagnosticVMOptions" "-XX:+DebugNonSafepoints")
  fi
  # realm1 open (as the benchmark profile has it, repeated for a baseline from before that profile): the scenarios'
  # anonymous sessions register and call procedures of their own
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS "${jfr[@]}" -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
    --spring.main.web-application-type="$type" --spring.profiles.active=benchmark \
    --wamp.realms[0].name=realm1 --wamp.realms[1].name=secure --spring.main.banner-mode=off \
    > "$log" 2>&1 &
  APP_PID=$!
  await_ready "$target" "$APP_PID" "$log" "Started SampleApplication" 120
}

client() {
  # shellcheck disable=SC2086
  java $CLIENT_JAVA_OPTS -jar "$OUT_DIR/wamp-benchmarks.jar" run --server "ws://127.0.0.1:$PORT" "$@"
}

echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ)" | tee -a "$RESULTS"
echo "# java: $(java -version 2>&1 | head -2 | tail -1)" | tee -a "$RESULTS"
echo "# machine: nproc=$(nproc), memory=$(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -srm)" | tee -a "$RESULTS"
echo "# settings: rounds=$ROUNDS connections=$CONNECTIONS warmup_s=$WARMUP_S duration_s=$DURATION_S" \
  "repetitions=$REPETITIONS waiting=$WAITING load_connections=$LOAD_CONNECTIONS baseline='$BASELINE_JAR'" \
  "server_opts='$SERVER_JAVA_OPTS' client_opts='$CLIENT_JAVA_OPTS'" | tee -a "$RESULTS"

failures=0
for round in $(seq 1 "$ROUNDS"); do
  for target in "${TARGETS[@]}"; do
    PORT=$(free_port)
    start_app "$target" "$PORT"
    for run in "churn fresh" "churn websocket-only" "callee-drop-fin" "callee-drop-rst"; do
      read -r scenario mode <<< "$run"
      echo "# target=$target round=$round $scenario ${mode:-}: load average before: $(cut -d' ' -f1-3 /proc/loadavg)" \
        | tee -a "$RESULTS"
      if [[ "$scenario" == churn ]]; then
        args=(--scenario churn --mode "$mode" --connections "$CONNECTIONS" --warmup-s "$WARMUP_S"
          --duration-s "$DURATION_S" --server-pid "$APP_PID")
      else
        args=(--scenario "$scenario" --connections "$LOAD_CONNECTIONS" --repetitions "$REPETITIONS"
          --waiting "$WAITING")
      fi
      if line=$(client "${args[@]}"); then
        echo "$line target=$target round=$round" | tee -a "$RESULTS"
      else
        echo "# target=$target $scenario: FAILED" | tee -a "$RESULTS"
        failures=$((failures + 1))
      fi
      kill -0 "$APP_PID" 2>/dev/null || { echo "$target died; see $OUT_DIR/$target.log" >&2; exit 1; }
    done
    stop_app
  done
done

# the table: per target and scenario the median over the rounds without errors, and ratios against the first
# target; errors counts those of every run
awk -v first="${TARGETS[0]}" '
  /^LIFECYCLE / {
    delete f
    for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    key = f["scenario"] (f["mode"] != "" ? " " f["mode"] : "")
    if (!(key in seen)) { seen[key] = 1; keys[++nk] = key }
    if (!((f["target"]) in tseen)) { tseen[f["target"]] = 1; targets[++nt] = f["target"] }
    k = f["target"] SUBSEP key
    errs[k] += f["errors"]
    if (f["errors"] > 0) { failed[k]++; next }   # a run with errors gives no figure, only its count
    n[k]++
    rate[k, n[k]] = (f["scenario"] == "churn") ? f["sessions_per_s"] : f["p99_ms"]
    cpu[k, n[k]] = (f["scenario"] == "churn") ? f["server_cpu_us_per_session"] : f["max_ms"]
    p50[k, n[k]] = f["p50_ms"]
  }
  function median(arr, k, m,    i, j, t, v) {
    for (i = 1; i <= m; i++) v[i] = arr[k, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return (m % 2) ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
  }
  END {
    printf "| scenario | target | runs | sessions/s or drop p99 ms | vs %s ", first
    print "| server CPU µs/session or drop max ms | vs " first " | p50 ms | errors |"
    print "|---|---|---:|---:|---:|---:|---:|---:|---:|"
    for (s = 1; s <= nk; s++) for (t = 1; t <= nt; t++) {
      k = targets[t] SUBSEP keys[s]; b = first SUBSEP keys[s]
      if (!(k in n)) {
        if (k in failed) printf "| %s | %s | 0 | - | - | - | - | - | %d |\n", keys[s], targets[t], errs[k]
        continue
      }
      r = median(rate, k, n[k]); c = median(cpu, k, n[k])
      rb = (b in n) ? median(rate, b, n[b]) : ""; cb = (b in n) ? median(cpu, b, n[b]) : ""
      printf "| %s | %s | %d | %s | %s | %s | %s | %s | %d |\n", keys[s], targets[t], n[k], r,
        (rb + 0 > 0 ? sprintf("%.2fx", r / rb) : "-"), c, (cb + 0 > 0 ? sprintf("%.2fx", c / cb) : "-"),
        median(p50, k, n[k]), errs[k]
    }
  }' "$RESULTS" | tee "$OUT_DIR/table.md"
echo "results: $RESULTS, table: $OUT_DIR/table.md" >&2
[[ $failures -eq 0 ]]
