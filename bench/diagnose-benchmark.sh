#!/usr/bin/env bash
# Times the whole `diagnose` run (JVM start included) on a 200,000 x 12 training and a 30,000 x 12
# production CSV, as the README's first command runs it: through bin/modellens, whose JVM options are
# explained there and in README "Performance". Wall time, CPU time and peak resident memory come from
# GNU time (`/usr/bin/time -v`, Debian package `time`); 5 runs are printed after one warm-up run that
# fills the OS file cache and writes the launcher's class-data archive.
# Set MODELLENS to time another command, e.g. MODELLENS="java -jar app/target/modellens-app.jar".
# Usage: bench/diagnose-benchmark.sh   (after `mvn -B -q package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java bench/GenerateBenchmarkData.java "$work" 200000 30000
ls -l "$work"
modellens=${MODELLENS:-bin/modellens}
echo "command: $modellens"
run() {
  # shellcheck disable=SC2086
  /usr/bin/time -v $modellens diagnose \
      --train "$work/train.csv" --prod "$work/prod.csv" --json "$work/report.json" --fail-on never 2>"$work/time.txt" >/dev/null
  wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$work/time.txt")
  echo "wall ${wall} s:m, CPU ${cpu} s, peak RSS $((rss / 1024)) MB"
}
run >/dev/null
for i in 1 2 3 4 5; do run; done
