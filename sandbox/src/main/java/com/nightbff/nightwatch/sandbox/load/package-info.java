/**
 * The pool-pressure load driver behind {@code benchmarks/run.sh pool-load}: concurrent traffic on all eight
 * services for a bounded time, failures counted by cause (PostgreSQL's 53300 apart), latency percentiles,
 * and the peak of connections PostgreSQL saw. Only loopback targets are accepted.
 */
package com.nightbff.nightwatch.sandbox.load;
