package com.nightbff.nightwatch.probes.internal;

import com.nightbff.nightwatch.probes.ProbeResult;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A probe's trigger fired (on exactly one replica): hand the run to the engine and return at once. */
public class ProbeJob implements Job {

    static final String NOT_RUN_HERE = "not_run_here";
    private static final Logger LOG = LoggerFactory.getLogger(ProbeJob.class);
    /** Probes already warned about: one line per probe, not one per interval. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final ProbeEngine engine;
    private final ScheduleFallback fallback;
    private final ProbesSettings settings;
    private final ProbeMetrics metrics;

    public ProbeJob(ProbeEngine engine, ScheduleFallback fallback, ProbesSettings settings, ProbeMetrics metrics) {
        this.engine = engine;
        this.fallback = fallback;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String probe = context.getJobDetail().getKey().getName();
        if (!settings.enabled()) {
            // The clustered store hands a trigger to any replica sharing it, this one too; the run cannot move to
            // another replica from here, so it is skipped in plain sight rather than lost without a trace.
            metrics.skipped(probe, NOT_RUN_HERE);
            if (WARNED.add(probe)) {
                LOG.warn("probe {} fired on this replica, which does not run probes (nightwatch.probes.enabled=false): run skipped; "
                        + "set the flag alike on every replica sharing this database", probe);
            }
            return;
        }
        fallback.clusterFired(probe);
        engine.submit(probe, context.getScheduledFireTime().toInstant(), ProbeResult.SCHEDULED);
    }
}
