#!/usr/bin/env bash
# JMH micro-benchmarks of router internals, by default UriTableBenchmark (see docs/benchmarks.md); the PubSub scale
# benchmarks are PubSubMatchBenchmark, PubSubPublishBenchmark and PubSubJoinBenchmark (select them all with 'PubSub').
#
# Builds wamp-benchmarks with the modules it depends on (package, never install), writes its runtime classpath to
# wamp-benchmarks/target/jmh.classpath, and runs org.openjdk.jmh.Main on target/classes plus that classpath. Not the
# repackaged jar: JMH forks its benchmark JVMs with the launcher's java.class.path, which must be a flat classpath,
# not Spring Boot's nested BOOT-INF/lib layout.
#
# Arguments go to JMH as they are; without any: UriTableBenchmark with the annotation defaults (1 fork, 3 x 1 s
# warm-up, 5 x 1 s measurement) and a JSON result in OUT_DIR. Examples:
#   wamp-benchmarks/run-jmh.sh UriTableBenchmark -p lookup=mixed -p entries=100,100000
#   wamp-benchmarks/run-jmh.sh PubSub -f 2 -wi 3 -i 5 -rf json -rff wamp-benchmarks/target/jmh/pubsub.json
#   SKIP_BUILD=1 wamp-benchmarks/run-jmh.sh -l
# Knobs (environment): SKIP_BUILD=0 OUT_DIR=wamp-benchmarks/target/jmh JAVA_OPTS= (for the launcher JVM only)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SKIP_BUILD=${SKIP_BUILD:-0}
OUT_DIR=${OUT_DIR:-"$ROOT/wamp-benchmarks/target/jmh"}
CLASSPATH_FILE="$ROOT/wamp-benchmarks/target/jmh.classpath"

if [[ "$SKIP_BUILD" != 1 ]]; then
  (cd "$ROOT" && mvn -B -q -ntp -DskipTests -pl wamp-benchmarks -am package \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.outputFile=target/jmh.classpath -DincludeScope=runtime)
fi
if [[ ! -f "$CLASSPATH_FILE" ]]; then
  echo "no $CLASSPATH_FILE: run without SKIP_BUILD=1 first" >&2
  exit 1
fi

if [[ $# -eq 0 ]]; then
  mkdir -p "$OUT_DIR"
  set -- UriTableBenchmark -rf json -rff "$OUT_DIR/uri-table.json"
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java ${JAVA_OPTS:-} -cp "$ROOT/wamp-benchmarks/target/classes:$(cat "$CLASSPATH_FILE")" org.openjdk.jmh.Main "$@"
