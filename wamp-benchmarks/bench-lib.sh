# shellcheck shell=bash
# What the benchmark scripts share: sourced by run-benchmarks.sh, run-lifecycle.sh and compare-with.sh.

# A free TCP port on the loopback interface.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Stops a process by its PID: TERM, up to 15 s to exit, then KILL.
stop_pid() {
  local pid=$1
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || return 0
      sleep 0.5
    done
    echo "pid $pid did not stop in 15 s; killing it" >&2
    kill -9 "$pid" 2>/dev/null || true
  fi
}

# Waits until process PID writes READY to LOG, at most SECONDS; exits the script if it dies or does not get there.
await_ready() {
  local name=$1 pid=$2 log=$3 ready=$4 seconds=$5
  for _ in $(seq 1 $((seconds * 2))); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited during start-up:" >&2
      tail -50 "$log" >&2
      exit 1
    fi
    grep -q "$ready" "$log" && return 0
    sleep 0.5
  done
  echo "$name did not start in $seconds s" >&2
  exit 1
}
