#!/usr/bin/env bash
# Regenerates the xgboost4j oracle fixtures beside this script, one folder per XGBoost version.
# Needs Maven (fetches xgboost4j and scala-library into the local repository) and libgomp1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=${MAVEN_REPO:-$HOME/.m2/repository}
mvn -B -q dependency:get -Dartifact=org.scala-lang:scala-library:2.12.18 -Dtransitive=false
mvn -B -q dependency:get -Dartifact=commons-logging:commons-logging:1.2 -Dtransitive=false
mvn -B -q dependency:get -Dartifact=com.esotericsoftware:kryo:5.6.2 -Dtransitive=false
# Every objective with the newest version; the categorical, multiclass and multi-output cases with the older ones.
declare -A models=([3.4.0]=all [3.0.4]=binary-logistic,multi-softprob,multi-output-tree [2.1.4]=binary-logistic,multi-softprob,multi-output-tree,reg-tweedie)
declare -A ubjson=([3.4.0]=binary-logistic,multi-output-tree [3.0.4]=multi-output-tree [2.1.4]=binary-logistic)
for v in ${VERSIONS:-2.1.4 3.0.4 3.4.0}; do
  mvn -B -q dependency:get -Dartifact=ml.dmlc:xgboost4j_2.12:$v -Dtransitive=false
  cp="$repo/ml/dmlc/xgboost4j_2.12/$v/xgboost4j_2.12-$v.jar:$repo/org/scala-lang/scala-library/2.12.18/scala-library-2.12.18.jar"
  cp="$cp:$repo/commons-logging/commons-logging/1.2/commons-logging-1.2.jar:$repo/com/esotericsoftware/kryo/5.6.2/kryo-5.6.2.jar"
  rm -rf "$here/v$v"
  java -cp "$cp" "$here/XGBoost4jFixtures.java" "$here/v$v" "${models[$v]}" "${ubjson[$v]}" 2>&1 | grep -v "UBJSON format as default" || true
  gzip -9 "$here/v$v/oracle.json"
done
