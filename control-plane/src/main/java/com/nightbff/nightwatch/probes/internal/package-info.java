/**
 * The probe runtime: a Quartz trigger per probe on the clustered store, local timers that take over
 * while that store is unreachable, a bounded executor that keeps runs off the scheduler threads,
 * Prometheus series, batched result writes with a bounded buffer for database outages, and the
 * hourly roll-up and retention of raw results.
 */
package com.nightbff.nightwatch.probes.internal;
