#!/bin/sh
# The start page's column list on the wide case (20,000 x 501, 55 MB): whole read versus header only,
# three fresh JVMs each. Run from the repository root after `mvn -q -o -pl diagnostics-core compile`.
set -e
OUT=${1:-/tmp/modellens-bench}
[ -f "$OUT/wide/train.csv" ] || java bench/GenerateCases.java "$OUT" wide
mvn -q -o -pl diagnostics-core dependency:build-classpath -Dmdep.outputFile=/tmp/modellens-core.cp >/dev/null
CP="diagnostics-core/target/classes:$(cat /tmp/modellens-core.cp)"
for mode in whole header; do
  for run in 1 2 3; do
    java -cp "$CP" bench/ColumnListBenchmark.java "$mode" "$OUT/wide/train.csv"
  done
done
