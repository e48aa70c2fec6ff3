package com.nightbff.nightwatch.probes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One run of a probe. Steps after the first failure are not run (they depend on it), so
 * {@code steps} may be shorter than the probe's step list. {@code plannedAt} is the trigger's
 * fire time for scheduled runs, so start minus planned is the schedule lag.
 */
public record ProbeResult(UUID runId, String probe, String service, String trigger, Instant plannedAt, Instant startedAt,
                          long durationNanos, boolean success, Reason reason, String failedStep, List<StepResult> steps) {

    public static final String SCHEDULED = "schedule";
    public static final String MANUAL = "manual";

    public ProbeResult {
        steps = List.copyOf(steps);
    }
}
