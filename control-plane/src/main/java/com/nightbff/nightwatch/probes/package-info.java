/**
 * Synthetic probes: the Probe content format and its validation ({@link com.nightbff.nightwatch.probes.ProbesModule}),
 * the prober SPI and result types every sink reads, and the service the console and API use. A probe is a
 * multi-step journey against fleet services, checked against an allow list derived from fleet.yaml, whose
 * runs are scheduled once per interval across replicas, stored, and exported like blackbox_exporter's.
 */
package com.nightbff.nightwatch.probes;
