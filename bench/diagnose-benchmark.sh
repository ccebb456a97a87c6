#!/usr/bin/env bash
# Times the whole `diagnose` run (JVM start included) on a 200,000 x 12 training and a 30,000 x 12
# production CSV, with a 1 GB heap cap. Wall time and peak resident memory come from GNU time
# (`/usr/bin/time -v`, Debian package `time`); 5 runs are printed after one warm-up run
# that fills the OS file cache.
# JVM options: a diagnose run is short-lived, so C1 alone (-XX:TieredStopAtLevel=1) beats waiting for
# C2, whose compile threads would take the two cores from the analysis; a 1 GB heap fixed at start
# avoids young collections copying the live cell text. The command-line launcher ships the same options
# (see README "Performance"); override with JVM_OPTS.
# Usage: bench/diagnose-benchmark.sh   (after `mvn -B -q package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java bench/GenerateBenchmarkData.java "$work" 200000 30000
ls -l "$work"
JVM_OPTS=${JVM_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC -XX:TieredStopAtLevel=1}
echo "JVM options: $JVM_OPTS"
run() {
  # shellcheck disable=SC2086
  /usr/bin/time -v java $JVM_OPTS -jar app/target/modellens-app.jar diagnose \
      --train "$work/train.csv" --prod "$work/prod.csv" --json "$work/report.json" --fail-on never 2>"$work/time.txt" >/dev/null
  wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
  echo "wall ${wall} s:m, peak RSS $((rss / 1024)) MB"
}
run >/dev/null
for i in 1 2 3 4 5; do run; done
