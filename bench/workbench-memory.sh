#!/usr/bin/env bash
# The workbench's peak memory on a case (default: the 20,000 x 501 "wide" pair of bench/GenerateCases.java,
# 58 MB files each side), measured as a user gets it: the real JavaFX window under Xvfb, the files chosen,
# Analyse, then every page opened (bench/WorkbenchMemory.java drives the window). Prints the driver's
# figures (peak and current RSS after all pages, from /proc/self/status) and GNU time's whole-process
# peak RSS and CPU.
#
# The JVM options are the window's in bin/modellens (WINDOW_OPTS to try others).
# Usage: bench/workbench-memory.sh [small|long|wide]   (after `mvn -B -q package -DskipTests`;
#        needs `apt-get install -y xvfb time`)
# Environment: WORK (a temporary folder, deleted unless given), WINDOW_OPTS
set -euo pipefail
cd "$(dirname "$0")/.."
case_name=${1:-wide}
jar=app/target/modellens-app.jar
opts=${WINDOW_OPTS:-$(sed -n 's/^window_opts="\(.*\)"$/\1/p' bin/modellens)}
if [ -z "${WORK:-}" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
else
  work=$WORK
fi
[ -f "$work/$case_name/prod.csv" ] || java bench/GenerateCases.java "$work" "$case_name"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$jar" bench/WorkbenchMemory.java
echo "window JVM options: $opts"
# shellcheck disable=SC2086
xvfb-run -a -s "-screen 0 1600x1000x24" /usr/bin/time -f "whole process: peak RSS %M KB, wall %e s, CPU %U s user + %S s sys" \
  java $opts -cp "$jar:$work/classes" WorkbenchMemory "$work/$case_name/train.csv" "$work/$case_name/prod.csv" y
