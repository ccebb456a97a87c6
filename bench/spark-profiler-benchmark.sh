#!/usr/bin/env bash
# Rows per second of the Spark profiler (local mode, 1 and 2 cores, 2 to 8 partitions) against the
# single-machine streamed profile, on one generated 10,000,000-row Parquet file (written by Spark into
# spark-profiler/target/bench, not committed). Wall and process CPU time (user + system) are both
# reported: on a shared machine only the CPU time says what the code costs.
#   bench/spark-profiler-benchmark.sh [ROWS [RUNS]]
# RUNS: cores:partitions[:model],... (default 1:2,2:2,2:4,2:8); ":model" scores every row with the
# test's 20-tree XGBoost model and cuts day chunks, e.g. bench/spark-profiler-benchmark.sh 10000000 2:4,2:4:model
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-10000000}"
runs="${2:-1:2,2:2,2:4,2:8}"
mvn -B -q -o -pl spark-profiler -am test -Dtest=SparkProfilerBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmodellens.bench=true -Dmodellens.bench.rows="$rows" -Dmodellens.bench.runs="$runs"
cat spark-profiler/target/bench/spark-profiler-benchmark.md
