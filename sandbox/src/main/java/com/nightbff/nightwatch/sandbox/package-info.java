/**
 * The sandbox: a faithful stand-in for NightBFF (eight services on ports 3010-3017 over real PostgreSQL
 * and Redis, a geocoding stub on 3020, a control port on 3029) with faults on demand, so Nightwatch can
 * be demonstrated, tested end to end and measured without the real backend. Nightwatch never depends on it.
 */
package com.nightbff.nightwatch.sandbox;
