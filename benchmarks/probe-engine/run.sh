#!/usr/bin/env bash
# Probe engine against its peers in the same run (about 8 minutes on 2 cores):
#  1. accuracy and CPU: our HTTP prober vs blackbox_exporter 0.23 on the same local target (own JVM), alternating;
#  2. schedule lag: the whole plane (1,000 probes every 10 s, clustered Quartz JDBC store on PostgreSQL) on one
#     replica and on two replicas sharing one fresh database, next to bare Quartz with trivial jobs on the same store.
# Ends with: probe-engine: accuracy_p99_ms=… blackbox_diff_p50_ms=… runs_per_cpu_s_ratio=… lag_p99_ms=…
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
DELAY_MS="${DELAY_MS:-50}"
RUNS="${RUNS:-1000}"
PROBES="${PROBES:-1000}"
INTERVAL_S="${INTERVAL_S:-10}"
WARMUP_S="${WARMUP_S:-20}"
MEASURE_S="${MEASURE_S:-60}"
if ! command -v prometheus-blackbox-exporter >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq prometheus-blackbox-exporter >/dev/null
fi
./mvnw -q -B install -N
./mvnw -q -B install -pl embedded-postgres -DskipTests
./mvnw -q -B -pl control-plane test-compile -Dcheckstyle.skip
cp_file="$(mktemp)"
./mvnw -q -B -pl control-plane dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
cp="control-plane/target/test-classes:control-plane/target/classes:$(cat "$cp_file")"
out="$(mktemp)"
timeout 420 java -cp "$cp" com.nightbff.nightwatch.probes.bench.ProbeEngineBenchmark \
  "$(command -v prometheus-blackbox-exporter)" "$DELAY_MS" "$RUNS" 2>/dev/null | tee "$out" | grep -v '^RESULT'
timeout 600 java -cp "$cp" com.nightbff.nightwatch.probes.bench.ScheduleLagBenchmark coordinate \
  "$PROBES" "$INTERVAL_S" "$WARMUP_S" "$MEASURE_S" 2>/dev/null | tee -a "$out" | grep -v '^RESULT'
result="$(grep '^RESULT' "$out" | sed 's/^RESULT //' | tr '\n' ' ' | sed 's/ $//')"
[[ "$result" == *lag_p99_ms=* ]] || result="$result lag_p99_ms=missing"
echo "probe-engine: ${result}"
