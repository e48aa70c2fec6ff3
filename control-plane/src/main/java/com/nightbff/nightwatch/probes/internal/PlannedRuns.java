package com.nightbff.nightwatch.probes.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When Quartz plans each probe's next run, read from the trigger table every replica shares (so a replica
 * that does not run probes can tell too). One query for the whole fleet: Quartz's own API reads a trigger
 * per call, a round trip per probe on every page.
 */
public class PlannedRuns {

    private static final Logger LOG = LoggerFactory.getLogger(PlannedRuns.class);

    private final JdbcClient jdbc;
    private final Scheduler scheduler;

    public PlannedRuns(JdbcClient jdbc, Scheduler scheduler) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
    }

    /** Next planned start by probe name; empty when the store cannot say (the caller then says nothing of it). */
    public Map<String, Instant> next() {
        try {
            Map<String, Instant> out = new HashMap<>();
            jdbc.sql("SELECT trigger_name, next_fire_time FROM qrtz_triggers WHERE sched_name = ? AND trigger_group = ?"
                            + " AND next_fire_time > 0")
                    .params(scheduler.getSchedulerName(), ProbeScheduler.GROUP)
                    .query(rs -> {
                        out.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                    });
            return out;
        } catch (DataAccessException | SchedulerException e) {
            LOG.debug("planned runs unavailable: {}", e.getMessage());
            return Map.of();
        }
    }
}
