package com.nightbff.nightwatch.catalog;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The scheduled poll; all the logic is in {@link ContentCatalog#poll()}. */
@DisallowConcurrentExecution
class ContentPollJob implements Job {

    private final ContentCatalog catalog;

    ContentPollJob(ContentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void execute(JobExecutionContext context) {
        catalog.poll();
    }
}
