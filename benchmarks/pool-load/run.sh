#!/usr/bin/env bash
# pool-load: 8 services x DB_POOL_SIZE=50 vs 8 x 10 against PostgreSQL max_connections=100.
# Options: --seconds N (default 20) --users N per service (default 20) --db-latency-ms N (default 500). See benchmarks/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
# Build only what this benchmark needs; never the whole reactor.
./mvnw -q -B install -N
./mvnw -q -B install -pl embedded-postgres -DskipTests
./mvnw -q -B -pl sandbox package -DskipTests
exec timeout 170 java -Xmx1g -cp sandbox/target/sandbox.jar \
  -Dloader.main=com.nightbff.nightwatch.sandbox.load.PoolLoadBenchmark \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
