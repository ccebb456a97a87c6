#!/usr/bin/env bash
# Large input: diagnoses a 1,000,000-row training and a 10,000,000-row production CSV (20 columns
# each, about 1.7 GB together) under a 2 GB heap cap. The files exceed largeInput.streamAboveMegabytes,
# so the streamed path runs (exact tallies, seeded 200,000-row samples). Wall time and peak resident
# memory come from GNU time (`/usr/bin/time -v`, Debian package `time`). The data go to a temporary
# folder under /tmp (or $1) and are deleted afterwards; they are never committed.
# Usage: bench/large-input-benchmark.sh [WORK_DIR]   (after `mvn -B -q package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
trap 'rm -rf "$work"' EXIT
echo "generating data in $work ..."
java -Xmx256m bench/GenerateLargeData.java "$work" 1000000 10000000
ls -l "$work"
/usr/bin/time -v java -Xmx2g -XX:+UseParallelGC -jar app/target/modellens-app.jar diagnose \
    --train "$work/train.csv" --prod "$work/prod.csv" --json "$work/report.json" --fail-on never 2>"$work/run.txt" >/dev/null
grep -v '^\[' "$work/run.txt" | grep -v -e 'Elapsed' -e 'Maximum resident' -e '^\s' || true
wall=$(grep 'Elapsed (wall clock)' "$work/run.txt" | awk '{print $NF}')
rss=$(grep 'Maximum resident set size' "$work/run.txt" | awk '{print $NF}')
echo "wall ${wall} (m:s), peak RSS $((rss / 1024)) MB, heap cap 2 GB"
python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("train rows", r["inputs"]["train"]["rows"], "sampled", r["inputs"]["train"].get("sampledRows"),
      "| prod rows", r["inputs"]["prod"]["rows"], "sampled", r["inputs"]["prod"].get("sampledRows"))
for f in r["findings"]:
    if f["severity"] != "info":
        print(" ", f["severity"], f["check"], f["feature"], "-", f["title"])
PY
