#!/usr/bin/env bash
# Throughput of this tree against an earlier revision, measured in the same run.
#
#   wamp-benchmarks/compare-with.sh <git revision>      (e.g. the foundation's last commit)
#   SCENARIOS="pubsub-fanout" wamp-benchmarks/compare-with.sh 1b22bf8
#
# Builds the revision's sample app in a temporary git worktree and this tree's sample app and load client, starts
# both apps (benchmark profile, free loopback ports), and runs the scenarios (by default rpc-annotated and
# rpc-remote, plain calls) against each, alternating baseline and current for ROUNDS rounds with the same load client
# (baseline first in odd rounds, current first in even ones).
# Prints each BENCH line tagged with its app, then the ops/s of each app per scenario (min-max) and the ratio
# current/baseline of the means, and for pubsub-fanout the same for delivered events/s (its ops/s are
# publications/s). Both apps are stopped by their PIDs at the end, also on failure or Ctrl-C; the worktree is removed.
#
# `sessions` (memory per idle session, bare and WAMP) runs against the same two app processes, each against its own
# baseline taken right before; it prints heap and RSS per session of each app and the ratio of the means.
#
# Knobs: SCENARIOS="rpc-annotated rpc-remote" (any of echo rpc-remote rpc-annotated pubsub-fanout sessions, space-
#   or comma-separated) ROUNDS=3 CONNECTIONS=50 WARMUP_S=5 DURATION_S=15 PAYLOAD=64 SUBSCRIBERS=100 WINDOW=16
#   SESSIONS=10000 SESSIONS_CLIENT_JAVA_OPTS="-Xmx512m" SERVER_JAVA_OPTS CLIENT_JAVA_OPTS OUT_DIR
set -euo pipefail

BASELINE_REV=${1:?usage: compare-with.sh <git revision>}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-50}
WARMUP_S=${WARMUP_S:-5}
DURATION_S=${DURATION_S:-15}
PAYLOAD=${PAYLOAD:-64}
SUBSCRIBERS=${SUBSCRIBERS:-100}
WINDOW=${WINDOW:-16}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-"-Xms512m -Xmx512m"}
CLIENT_JAVA_OPTS=${CLIENT_JAVA_OPTS:-"-Xms256m -Xmx256m"}
SESSIONS=${SESSIONS:-10000}
SESSIONS_CLIENT_JAVA_OPTS=${SESSIONS_CLIENT_JAVA_OPTS:-"-Xmx512m"}
SCENARIO_LIST=${SCENARIOS:-"rpc-annotated rpc-remote"}
read -r -a SCENARIOS <<< "${SCENARIO_LIST//,/ }"
if [[ ${#SCENARIOS[@]} -eq 0 ]]; then
  echo "SCENARIOS is empty" >&2
  exit 2
fi
for scenario in "${SCENARIOS[@]}"; do
  case "$scenario" in
    echo|rpc-remote|rpc-annotated|pubsub-fanout|sessions) ;;
    *) echo "unknown scenario '$scenario' in SCENARIOS (echo rpc-remote rpc-annotated pubsub-fanout sessions)" >&2
       exit 2 ;;
  esac
done

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench-lib.sh
source "$ROOT/wamp-benchmarks/bench-lib.sh"
OUT_DIR=${OUT_DIR:-"$ROOT/wamp-benchmarks/target/compare"}
mkdir -p "$OUT_DIR"
RESULTS="$OUT_DIR/results.txt"
: > "$RESULTS"
WORKTREE=$(mktemp -d /tmp/wamp-baseline-XXXXXX)
PIDS=()

cleanup() {
  local status=$?
  for pid in "${PIDS[@]}"; do
    stop_pid "$pid"
  done
  git -C "$ROOT" worktree remove --force "$WORKTREE" 2>/dev/null || rm -rf "$WORKTREE"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "building the baseline $BASELINE_REV" >&2
git -C "$ROOT" worktree add --detach "$WORKTREE" "$BASELINE_REV" >/dev/null
(cd "$WORKTREE" && mvn -q -ntp -DskipTests package -pl sample-app -am)
cp "$WORKTREE/sample-app/target/sample-app.jar" "$OUT_DIR/baseline-app.jar"
echo "building this tree" >&2
(cd "$ROOT" && mvn -q -ntp -DskipTests package -pl sample-app,wamp-benchmarks -am)
cp "$ROOT/sample-app/target/sample-app.jar" "$OUT_DIR/current-app.jar"
cp "$ROOT/wamp-benchmarks/target/wamp-benchmarks.jar" "$OUT_DIR/wamp-benchmarks.jar"

# Runs in this shell, not in a $(...) subshell: its PID must reach PIDS, or cleanup cannot stop the app.
start_app() {  # name -> sets STARTED_PORT
  local name=$1 port pid
  port=$(free_port)
  # shellcheck disable=SC2086
  java $SERVER_JAVA_OPTS -jar "$OUT_DIR/$name-app.jar" --spring.profiles.active=benchmark \
    --server.port="$port" --server.address=127.0.0.1 --server.tomcat.max-connections=$((SESSIONS + 2000)) \
    > "$OUT_DIR/$name-app.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  echo "$name app pid $pid on 127.0.0.1:$port (log $OUT_DIR/$name-app.log)" >&2
  await_ready "$name app" "$pid" "$OUT_DIR/$name-app.log" "Started SampleApplication" 60
  STARTED_PORT=$port
  STARTED_PID=$pid
}
start_app baseline
BASELINE_PORT=$STARTED_PORT
BASELINE_PID=$STARTED_PID
start_app current
CURRENT_PORT=$STARTED_PORT
CURRENT_PID=$STARTED_PID

{
  echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ) baseline=$(git -C "$ROOT" rev-parse --short "$BASELINE_REV")" \
    "current=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo '+changes')"
  echo "# java: $(java -version 2>&1 | head -2 | tail -1); machine: nproc=$(nproc), $(uname -srm)"
  echo "# settings: scenarios=${SCENARIOS[*]} rounds=$ROUNDS connections=$CONNECTIONS warmup_s=$WARMUP_S" \
    "duration_s=$DURATION_S payload=$PAYLOAD subscribers=$SUBSCRIBERS window=$WINDOW" \
    "server_opts='$SERVER_JAVA_OPTS' client_opts='$CLIENT_JAVA_OPTS'"
} | tee -a "$RESULTS"

for round in $(seq 1 "$ROUNDS"); do
  # baseline first in odd rounds, current first in even ones: a load that rises or falls during the run (other
  # builds on a shared machine) does not favour one app in every round
  order="baseline current"
  (( round % 2 == 0 )) && order="current baseline"
  for scenario in "${SCENARIOS[@]}"; do
    for app in $order; do
      port=$BASELINE_PORT pid=$BASELINE_PID
      [[ $app == current ]] && port=$CURRENT_PORT pid=$CURRENT_PID
      echo "# round $round $scenario $app: load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS"
      if [[ $scenario == sessions ]]; then
        # shellcheck disable=SC2086
        java $SESSIONS_CLIENT_JAVA_OPTS -jar "$OUT_DIR/wamp-benchmarks.jar" sessions --server "ws://127.0.0.1:$port" \
          --server-pid "$pid" --target "$app" --sessions "$SESSIONS" | tee -a "$RESULTS"
        continue
      fi
      # shellcheck disable=SC2086
      java $CLIENT_JAVA_OPTS -jar "$OUT_DIR/wamp-benchmarks.jar" run --server "ws://127.0.0.1:$port" \
        --scenario "$scenario" --connections "$CONNECTIONS" --warmup-s "$WARMUP_S" --duration-s "$DURATION_S" \
        --payload "$PAYLOAD" --subscribers "$SUBSCRIBERS" --window "$WINDOW" --round "$round" \
        | sed "s/^BENCH /BENCH app=$app /" | tee -a "$RESULTS"
    done
  done
done

echo
awk '/^SESSIONS / {
  split("", f)
  for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
  key = f["kind"] " " f["target"]
  heap[key] += f["heap_per_session_kb"]; rss[key] += f["rss_per_session_kb"]; rate[key] += f["sessions_per_s"]
  sn[key]++
  kinds[f["kind"]] = 1
}
/^BENCH app=/ {
  split("", f)
  for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
  key = f["scenario"] " " f["app"]; v = f["ops_per_s"] + 0
  sum[key] += v; n[key]++
  if (!(key in lo) || v < lo[key]) lo[key] = v
  if (!(key in hi) || v > hi[key]) hi[key] = v
  errors[key] += f["errors"]
  scenarios[f["scenario"]] = 1
  round = f["round"] + 0
  if (round > rounds) rounds = round
  ops[f["scenario"], round, f["app"]] = v
  if ("events_per_s" in f) {
    e = f["events_per_s"] + 0
    esum[key] += e; en[key]++
    if (!(key in elo) || e < elo[key]) elo[key] = e
    if (!(key in ehi) || e > ehi[key]) ehi[key] = e
    fanout[f["scenario"]] = 1
    evs[f["scenario"], round, f["app"]] = e
  }
}
function per_round(values, s,    out, r) {
  out = ""
  for (r = 1; r <= rounds; r++) {
    if (((s, r, "baseline") in values) && ((s, r, "current") in values) && values[s, r, "baseline"] > 0) {
      out = out (out == "" ? "" : " / ") sprintf("%.3f", values[s, r, "current"] / values[s, r, "baseline"])
    }
  }
  return out
}
END {
  printf "| scenario | baseline ops/s (min-max) | current ops/s (min-max) | current/baseline (means) "
  printf "| current/baseline per round | errors |\n"
  printf "|---|---|---|---|---|---|\n"
  for (s in scenarios) {
    b = s " baseline"; c = s " current"
    printf "| %s | %.0f-%.0f | %.0f-%.0f | %.3f | %s | %d |\n", s, lo[b], hi[b], lo[c], hi[c],
      (sum[c] / n[c]) / (sum[b] / n[b]), per_round(ops, s), errors[b] + errors[c]
  }
  header = 0
  for (s in fanout) {
    b = s " baseline"; c = s " current"
    if (!(b in en) || !(c in en)) continue
    if (!header) {
      printf "\n| scenario | baseline events/s (min-max) | current events/s (min-max) | current/baseline (means) "
      printf "| current/baseline per round |\n"
      printf "|---|---|---|---|---|\n"
      header = 1
    }
    printf "| %s | %.0f-%.0f | %.0f-%.0f | %.3f | %s |\n", s, elo[b], ehi[b], elo[c], ehi[c],
      (esum[c] / en[c]) / (esum[b] / en[b]), per_round(evs, s)
  }
  header = 0
  for (k in kinds) {
    b = k " baseline"; c = k " current"
    if (!(b in sn) || !(c in sn)) continue
    if (!header) {
      printf "\n| sessions (means) | baseline heap KB/session | current heap KB/session | current/baseline heap "
      printf "| baseline RSS KB/session | current RSS KB/session | baseline sessions/s | current sessions/s |\n"
      printf "|---|---:|---:|---:|---:|---:|---:|---:|\n"
      header = 1
    }
    printf "| %s | %.1f | %.1f | %.3f | %.1f | %.1f | %.0f | %.0f |\n", k, heap[b] / sn[b], heap[c] / sn[c],
      (heap[c] / sn[c]) / (heap[b] / sn[b]), rss[b] / sn[b], rss[c] / sn[c], rate[b] / sn[b], rate[c] / sn[c]
  }
}' "$RESULTS" | tee "$OUT_DIR/table.md"
