/**
 * Cross-cutting plumbing every feature relies on and none owns: configuration, the store (with
 * its embedded fallback), security and users, audit, the clock, metric-name constants and the
 * command line. Features depend on it; it depends on no feature.
 */
package com.nightbff.nightwatch.system;
