package com.nightbff.nightwatch.probes;

/** What "run now" came to: the run, or why there is none. */
public record RunNow(Outcome outcome, ProbeResult result) {
    public enum Outcome {
        RAN("ran"),
        UNKNOWN_PROBE("no such probe in the active content"),
        NOT_RUN_HERE("this replica does not run probes (nightwatch.probes.enabled=false); the replicas that do run it on schedule"),
        BUSY("the probe executor is saturated, or a run in progress outlasted the wait"),
        UNFINISHED("the run did not finish in time; the audit log has the outcome");

        private final String description;

        Outcome(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}

