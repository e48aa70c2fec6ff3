package com.nightbff.nightwatch.probes;

import java.time.Instant;
import java.util.function.Function;

/**
 * Runs a probe of one protocol. Implementations are looked up by {@link #kind()} (the probe's
 * {@code spec.kind}); they never throw for target failures, which become failed results with a
 * {@link Reason}, and they must return within the probe's timeout.
 */
public interface Prober {

    String kind();

    ProbeResult run(Probe probe, RunRequest request);

    /** What a run needs besides the probe: when it was due, why it runs, secrets, and where it may connect. */
    record RunRequest(Instant plannedAt, String trigger, Function<String, String> secrets, AllowList allowList) {
    }
}
