#!/usr/bin/env bash
# Paired in-JVM comparison of two Engram builds (see bench/paired/PairedRuns.java):
#   bench/paired.sh A.jar B.jar NAME MS REPS [MODE] [NEURONS] [THREADS_A THREADS_B]
# e.g. bench/paired.sh /tmp/before.jar examples/target/engram.jar cuba 1000 21
#      bench/paired.sh examples/target/engram.jar examples/target/engram.jar cuba 1000 11 grid 100000 1 2
#      bench/paired.sh /tmp/before-threads.jar examples/target/engram.jar cuba 1000 5 event 100000 - 1
# THREADS: auto or a number; - for the build's default (a build from before threads takes only -)
set -euo pipefail
if [ $# -lt 5 ]; then
  echo "usage: bench/paired.sh A.jar B.jar NAME MS REPS [MODE] [NEURONS] [THREADS_A THREADS_B]" >&2
  exit 2
fi
for jar in "$1" "$2"; do
  [ -f "$jar" ] || { echo "bench/paired.sh: no such jar: $jar" >&2; exit 2; }
done
# the JVM options the launcher gives users (./engram)
source "$(dirname "$0")/../examples/jvm-options.sh"
exec java -Xmx4g -Djava.awt.headless=true ${jvm_opts[@]+"${jvm_opts[@]}"} "$(dirname "$0")/paired/PairedRuns.java" "$@"
