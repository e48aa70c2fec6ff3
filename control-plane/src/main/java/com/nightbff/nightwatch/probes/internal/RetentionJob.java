package com.nightbff.nightwatch.probes.internal;

import java.time.Clock;
import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hourly: rolls raw results older than the retention into hourly aggregates and deletes them. */
@DisallowConcurrentExecution
public class RetentionJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final ResultStore store;
    private final Clock clock;
    private final Duration retention;

    public RetentionJob(ResultStore store, Clock clock, ProbesSettings settings) {
        this.store = store;
        this.clock = clock;
        this.retention = settings.retention();
    }

    @Override
    public void execute(JobExecutionContext context) {
        int deleted = store.rollUpAndDelete(clock.instant().minus(retention));
        if (deleted > 0) {
            LOG.info("probe retention: rolled up and deleted {} run(s) older than {}", deleted, retention);
        }
    }
}
