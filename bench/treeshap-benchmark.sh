#!/usr/bin/env bash
# TreeSHAP throughput: every row of a 15,000 x 16 set (5% missing) on a 100-tree, depth-6 XGBoost
# binary:logistic model, single-threaded, rows per second; XGBoost's own pred_contribs (Debian's
# python3-xgboost, nthread=1) timed on the same machine and data. Each side prints its best of RUNS
# in rows per CPU second (the fair figure on a shared, loaded machine) and per wall second; the two
# alternate twice so that both see the same machine load. Target: ModelLens at least two thirds of
# XGBoost's rate.
# Usage: bench/treeshap-benchmark.sh [RUNS] [TREES] [ROWS]   (100 trees, 15,000 rows unless given)   (after `mvn -B -q package -DskipTests`; needs
#        `apt-get install -y python3-xgboost`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
trees=${2:-100}
rows=${3:-15000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for round in 1 2; do
  /usr/bin/python3 bench/treeshap_oracle_bench.py "$work" "$runs" "$trees" "$rows"
  java -XX:+UseParallelGC -cp app/target/modellens-app.jar bench/TreeShapBenchmark.java "$work" "$runs"
done
