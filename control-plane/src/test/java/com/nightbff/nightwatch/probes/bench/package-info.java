/**
 * The probe-engine benchmark harness (run by benchmarks/probe-engine/run.sh, not by the test suites):
 * timing accuracy against an injected delay, agreement with blackbox_exporter on the same target, and
 * probe runs per CPU-second for both.
 */
package com.nightbff.nightwatch.probes.bench;
