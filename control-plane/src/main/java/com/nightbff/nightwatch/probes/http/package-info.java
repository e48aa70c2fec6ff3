/**
 * The HTTP prober on OkHttp: a fresh connection pool per run so connect and TLS are measured, phase
 * timings from OkHttp's event listener, bounded bodies, redirects followed only when allowed and re-checked,
 * an SSRF guard at three levels (host, resolver, socket), stable failure reasons, and redaction of secrets
 * and tokens from everything a run returns: excerpts, messages and extracted variables under one name rule.
 */
package com.nightbff.nightwatch.probes.http;
