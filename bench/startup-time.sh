#!/usr/bin/env bash
# Start-up time of `./govchain up` on an existing installation (issue 15): runs the launcher's `up`
# RUNS times on one state directory and prints, for each run, the seconds from the launcher's
# start to its "GovChain is up" line, then stops it with SIGTERM and waits for
# it to end (how long the stop took is printed too). The first run creates the installation
# (deploys the registry, keys, databases) and is reported apart; with no class archives of the
# jars yet (rm -rf */target/cds) it is also the run that writes them as it stops. With a second
# launcher jar the runs alternate between the two, side by side.
# OTHER may instead be env:NAME=VALUE: the same launcher with that variable set (e.g.
# env:GOVCHAIN_CLASS_SHARING=off, the applications started from their jars as they are).
#
#   bench/startup-time.sh [RUNS] [OTHER_LAUNCHER_JAR | env:NAME=VALUE]
#
# Build first: ./govchain up's modules (./mvnw -B -q -DskipTests package). The state directory is
# bench/target/startup-home (removed at the start); the suite's default ports must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-3}
OTHER=${2:-}
export GOVCHAIN_HOME="$ROOT/bench/target/startup-home"
rm -rf "$GOVCHAIN_HOME"
mkdir -p "$GOVCHAIN_HOME"
OUT="$ROOT/bench/target/startup-time.txt"
: > "$OUT"

# one `up` with launcher jar $1 labelled $2, variables $3 (NAME=VALUE or empty) set;
# prints "label seconds"
one_up() {
  local jar=$1 label=$2 vars=${3:-} log="$GOVCHAIN_HOME/launcher-$2.out" start now pid
  start=$(date +%s.%N)
  env $vars java -Dgovchain.root="$ROOT" -jar "$jar" up > "$log" 2>&1 &
  pid=$!
  while ! grep -qs 'GovChain is up' "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "startup-time: the launcher ended before it was up; its output:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.1
  done
  now=$(date +%s.%N)
  # SIGTERM, not SIGINT: a job started with & by a script inherits SIGINT ignored, and the JVM
  # then leaves it ignored (the first version of this script waited forever here)
  kill -TERM "$pid"
  wait "$pid" || true
  stopped=$(date +%s.%N)
  awk -v l="$label" -v a="$start" -v b="$now" -v c="$stopped" \
    'BEGIN { printf "%s %.1f (stopped in %.1f)\n", l, b - a, c - b }' | tee -a "$OUT"
}

THIS=launcher/target/govchain-launcher.jar
OTHER_JAR=$OTHER
OTHER_VARS=
if [[ "$OTHER" == env:* ]]; then
  OTHER_JAR=$THIS
  OTHER_VARS=${OTHER#env:}
fi
one_up "$THIS" first-start
for i in $(seq 1 "$RUNS"); do
  if [ -n "$OTHER" ] && [ $((i % 2)) -eq 0 ]; then
    one_up "$OTHER_JAR" "other-$i" "$OTHER_VARS"
    one_up "$THIS" "this-$i"
  else
    one_up "$THIS" "this-$i"
    if [ -n "$OTHER" ]; then one_up "$OTHER_JAR" "other-$i" "$OTHER_VARS"; fi
  fi
done
echo "startup-time: figures in $OUT; each run's output in $GOVCHAIN_HOME/launcher-*.out"
