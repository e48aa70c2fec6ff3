package com.nightbff.nightwatch.probes.internal;

import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.Probes;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps one Quartz trigger per probe in the clustered store, so each probe runs once per interval
 * across all replicas. Syncing is idempotent (every replica does it on each applied revision):
 * unchanged probes keep their trigger and phase, changed intervals are rescheduled, removed probes
 * are deleted. First runs are spread over the interval by a stable, well-mixed hash of the name, so a thousand
 * probes do not all fire in the same millisecond.
 */
public class ProbeScheduler {

    public static final String GROUP = "probes";
    private static final Logger LOG = LoggerFactory.getLogger(ProbeScheduler.class);

    private final Scheduler scheduler;
    private final ProbeEngine engine;
    private final TransactionTemplate tx;

    /**
     * {@code tx} runs each sync as one transaction of the job store's database: Quartz's JDBC store under
     * Spring only holds its row lock, and writes a trigger's two rows atomically, inside one; without it
     * the scheduler thread could read a trigger whose schedule row was not written yet.
     */
    public ProbeScheduler(Scheduler scheduler, ProbeEngine engine, TransactionTemplate tx) {
        this.scheduler = scheduler;
        this.engine = engine;
        this.tx = tx;
    }

    public synchronized void sync(Probes probes) {
        engine.use(probes);
        tx.executeWithoutResult(status -> store(probes));
    }

    private void store(Probes probes) {
        try {
            Set<String> wanted = new HashSet<>();
            int added = 0;
            int changed = 0;
            for (Probe probe : probes.probes()) {
                wanted.add(probe.name());
                TriggerKey key = TriggerKey.triggerKey(probe.name(), GROUP);
                Trigger existing = scheduler.getTrigger(key);
                long interval = probe.interval().toMillis();
                if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == interval) {
                    continue;
                }
                Trigger trigger = trigger(probe, interval);
                if (existing == null) {
                    JobDetail job = JobBuilder.newJob(ProbeJob.class).withIdentity(JobKey.jobKey(probe.name(), GROUP)).storeDurably()
                            .withDescription("probe " + probe.name()).build();
                    // Replace rather than add: replicas starting together both see "no trigger" and both
                    // schedule; with replace the second write wins instead of failing its start-up.
                    scheduler.scheduleJob(job, Set.of(trigger), true);
                    added++;
                } else {
                    scheduler.rescheduleJob(key, trigger);
                    changed++;
                }
            }
            int removed = 0;
            for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!wanted.contains(job.getName())) {
                    scheduler.deleteJob(job);
                    removed++;
                }
            }
            if (added + changed + removed > 0) {
                LOG.info("probe schedule: {} added, {} rescheduled, {} removed, {} total", added, changed, removed, wanted.size());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot update the probe schedule: " + e.getMessage(), e);
        }
    }

    /**
     * The phase of a probe's first run within its interval, stable for a name. {@code String.hashCode}
     * alone is not spread: names that differ in their last characters ({@code probe-0001}, {@code probe-0002})
     * get neighbouring values, so a generated fleet fired in bursts the clustered store could not keep up
     * with. The name's bytes go through FNV-1a and the SplitMix64 finalizer instead.
     */
    public static long offset(String name, long intervalMillis) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h = h ^ (h >>> 31);
        return Math.floorMod(h, intervalMillis);
    }

    private static Trigger trigger(Probe probe, long intervalMillis) {
        long offset = offset(probe.name(), intervalMillis);
        return TriggerBuilder.newTrigger().withIdentity(probe.name(), GROUP).forJob(probe.name(), GROUP)
                .startAt(new Date(System.currentTimeMillis() + offset))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(intervalMillis).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
