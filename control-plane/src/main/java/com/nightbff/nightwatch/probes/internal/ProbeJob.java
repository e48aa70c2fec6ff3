package com.nightbff.nightwatch.probes.internal;

import com.nightbff.nightwatch.probes.ProbeResult;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A probe's trigger fired (on exactly one replica): hand the run to the engine and return at once. */
public class ProbeJob implements Job {

    private final ProbeEngine engine;
    private final ScheduleFallback fallback;

    public ProbeJob(ProbeEngine engine, ScheduleFallback fallback) {
        this.engine = engine;
        this.fallback = fallback;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String probe = context.getJobDetail().getKey().getName();
        fallback.clusterFired(probe);
        engine.submit(probe, context.getScheduledFireTime().toInstant(), ProbeResult.SCHEDULED);
    }
}
