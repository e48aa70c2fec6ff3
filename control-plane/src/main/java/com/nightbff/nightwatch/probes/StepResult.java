package com.nightbff.nightwatch.probes;

/**
 * One step's outcome. Every text field has already been scrubbed of secrets by the prober, so
 * sinks (store, logs, console, API) may show it as is. {@code statusCode} is 0 when no response came, as
 * the metric exports it; the console shows "-" and the API null there.
 */
public record StepResult(String step, String dependency, boolean success, Reason reason, String message, int statusCode,
                         PhaseTimings phases, long durationNanos, String excerpt) {

    public double durationSeconds() {
        return durationNanos / 1e9;
    }
}
