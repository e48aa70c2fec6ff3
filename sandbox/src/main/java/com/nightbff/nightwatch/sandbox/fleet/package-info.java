/**
 * The eight NightBFF services and the geocoder stub as running servers: each service binds its own port,
 * owns its pool, metrics, faults and env-file watcher, and can have its port closed and reopened to play
 * the "service runs but is not exposed" incident.
 */
package com.nightbff.nightwatch.sandbox.fleet;
