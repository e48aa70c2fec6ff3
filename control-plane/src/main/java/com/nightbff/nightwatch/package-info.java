/**
 * Nightwatch, the SRE control plane for NightBFF. Sub-packages are features (spec, catalog,
 * gitops, ledger, console, system…); each states its job in its own package-info and talks to the
 * others through their public API types and past-tense events.
 */
package com.nightbff.nightwatch;
