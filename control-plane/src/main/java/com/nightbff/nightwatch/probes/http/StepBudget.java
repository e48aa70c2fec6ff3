package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.Durations;
import com.nightbff.nightwatch.probes.Probe;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * How long a step may take, and the timeout the user configured that sets it. The time left is what
 * the call gets; the configured timeout is what a timeout message names, since "within 4999ms" for a
 * 5s timeout reads as a number nobody wrote.
 */
record StepBudget(Duration time, String limit) {

    /**
     * The shorter of the step's own timeout and what the probe's timeout leaves after {@code elapsed};
     * {@code earlierSteps} says whether steps before this one used some of it (the first step's elapsed
     * time is only the run's setup).
     */
    static StepBudget of(Probe probe, Probe.Step step, Duration elapsed, boolean earlierSteps) {
        Duration left = probe.timeout().minus(elapsed);
        if (step.timeout().compareTo(left) < 0) {
            return new StepBudget(step.timeout(), Durations.format(step.timeout()) + " (the step's timeout)");
        }
        String probeTimeout = Durations.format(probe.timeout());
        if (!earlierSteps) {
            return new StepBudget(left, probeTimeout + " (the probe's timeout)");
        }
        String used = Durations.format(elapsed.truncatedTo(ChronoUnit.MILLIS));
        return new StepBudget(left, probeTimeout + " (the probe's timeout; earlier steps used " + used + " of it)");
    }

    boolean usedUp() {
        return time.isNegative() || time.isZero();
    }
}
