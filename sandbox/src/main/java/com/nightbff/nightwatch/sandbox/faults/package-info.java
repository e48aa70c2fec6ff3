/**
 * Faults on demand: per-route latency and error rates set through {@code /_sandbox/faults}, held only in
 * memory so a restart or a DELETE always returns the service to health. Injected errors and delays go
 * through the normal request path, so they show up in the service's metrics like real ones.
 */
package com.nightbff.nightwatch.sandbox.faults;
