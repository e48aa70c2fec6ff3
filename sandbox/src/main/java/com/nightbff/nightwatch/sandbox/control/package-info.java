/**
 * The sandbox's control port (3029): it stays reachable when a service's port is closed, so it is where
 * closed ports are reopened, and it reports every service's state (open, pool sizes, faults) in one place.
 */
package com.nightbff.nightwatch.sandbox.control;
