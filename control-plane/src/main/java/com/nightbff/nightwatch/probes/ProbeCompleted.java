package com.nightbff.nightwatch.probes;

/** A probe run finished (successfully or not); regression detection and the console listen. */
public record ProbeCompleted(ProbeResult result) {
}
