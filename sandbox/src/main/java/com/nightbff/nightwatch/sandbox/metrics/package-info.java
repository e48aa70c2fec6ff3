/**
 * Each service's own Prometheus registry and /metrics text, named like NightBFF's prom-client metrics
 * ({@code http_request_duration_seconds}, {@code http_requests_total}) so Nightwatch's queries, dashboards
 * and alerts written for the real backend work unchanged against the sandbox.
 */
package com.nightbff.nightwatch.sandbox.metrics;
