package com.nightbff.nightwatch.probes.internal;

import com.nightbff.nightwatch.probes.ProbeService;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Probes in /actuator/health. UP while probes run, even on the store fallback's local timers, because
 * they still measure; the details say which schedule runs them and what the result writer holds or
 * lost, so an on-call engineer sees "running blind to history" apart from "not running".
 */
class ProbesHealthIndicator implements HealthIndicator {

    private final ProbeService probes;

    ProbesHealthIndicator(ProbeService probes) {
        this.probes = probes;
    }

    @Override
    public Health health() {
        ProbeService.Runtime runtime = probes.runtime();
        return Health.up()
                .withDetail("probes", runtime.probes())
                .withDetail("schedule", !runtime.runsHere() ? "not run on this replica (nightwatch.probes.enabled=false)"
                        : runtime.localTimers() ? "local timers (job store unreachable)" : "clustered")
                .withDetail("resultStore", runtime.storeWriting() ? "writing" : "unreachable, buffering")
                .withDetail("buffered", runtime.buffered())
                .withDetail("dropped", runtime.dropped())
                .build();
    }
}
