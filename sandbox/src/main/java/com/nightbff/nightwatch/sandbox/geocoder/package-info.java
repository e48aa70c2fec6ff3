/**
 * A stub of Google's geocoding API (port 3020) and the plan service's client for it. The stub answers in
 * Google's format for a list of real cities and the load-test cities NightBFF used, so the "could not
 * resolve destination city" failure can be produced on purpose, through the stub's own fault endpoint.
 */
package com.nightbff.nightwatch.sandbox.geocoder;
