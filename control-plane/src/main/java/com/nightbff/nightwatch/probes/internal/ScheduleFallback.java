package com.nightbff.nightwatch.probes.internal;

import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.Probes;
import com.nightbff.nightwatch.system.MetricNames;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps probes running while the job store is unreachable. Quartz fires triggers only through the
 * database, so without this a store outage would blind the plane at the very moment its results are
 * being buffered for later. While checks of the store keep failing, this replica runs every probe on
 * local timers, in the phase its last scheduled run set. Replicas cannot agree on who runs what
 * without the store, so each one does: a duplicate run beats a blind minute. When the store answers
 * again, each probe's timer stops once Quartz fires that probe (Quartz retries the store on its own
 * clock), so there is no blind gap on the way back either; the engine skips whichever of the two
 * comes second for the same slot.
 */
public class ScheduleFallback implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFallback.class);

    private final ProbeEngine engine;
    private final StoreWatch watch;
    private final Duration checkEvery;
    private final int failuresToEngage;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Counter handbacks;
    /** Probes Quartz fired since the store was last seen unreachable; written by Quartz threads. */
    private final Set<String> firedByCluster = ConcurrentHashMap.newKeySet();
    // The rest is touched by the timer thread only.
    private final Map<String, ScheduledFuture<?>> local = new HashMap<>();
    private int failures;
    private boolean reachable = true;
    private long reachableSince;
    private Probes plannedFor;
    private volatile boolean active;

    /**
     * @param storeCheck answers true when the store is usable; see {@link StoreWatch} for how a slow
     *                   or hung check counts
     */
    public ScheduleFallback(ProbeEngine engine, java.util.concurrent.Callable<Boolean> storeCheck, Duration checkEvery,
                            Duration hungAfter, int failuresToEngage, Clock clock, PrometheusRegistry registry) {
        this.engine = engine;
        this.watch = new StoreWatch(storeCheck, hungAfter);
        this.checkEvery = checkEvery;
        this.failuresToEngage = failuresToEngage;
        this.clock = clock;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "probe-fallback");
            t.setDaemon(true);
            return t;
        });
        GaugeWithCallback.builder().name(MetricNames.PROBE_SCHEDULE_FALLBACK)
                .help("1 while the job store is unreachable and this replica runs the probes on local timers")
                .callback(cb -> cb.call(active ? 1 : 0)).register(registry);
        this.handbacks = Counter.builder().name(MetricNames.PROBE_SCHEDULE_HANDBACKS)
                .help("Ends of the store fallback, by cause: the cluster fired every probe again, or the wait for it timed out")
                .labelNames("cause").register(registry);
    }

    public ScheduleFallback start() {
        timers.scheduleWithFixedDelay(this::tick, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public boolean active() {
        return active;
    }

    /** Quartz fired this probe's trigger on this replica: the clustered schedule runs it. */
    public void clusterFired(String probe) {
        firedByCluster.add(probe);
    }

    private void tick() {
        try {
            switch (watch.poll()) {
                case REACHABLE -> onReachable();
                case UNREACHABLE -> onUnreachable();
                default -> {
                    // the check is still running and not yet overdue: no news
                }
            }
            if (active && engine.probes() != plannedFor) {
                // Content applied during the outage (a follower, or a revision read before the store fell).
                cancelLocal();
                plan();
            }
        } catch (RuntimeException e) {
            LOG.error("probe fallback tick failed: {}", e.toString());
        }
    }

    private void onUnreachable() {
        reachable = false;
        // Only fires seen after the store answers again may hand a probe back.
        firedByCluster.clear();
        if (++failures >= failuresToEngage && !active) {
            active = true;
            plan();
            LOG.warn("the job store is unreachable; this replica runs {} probe(s) on local timers until it returns", local.size());
        }
    }

    private void onReachable() {
        failures = 0;
        if (!reachable) {
            reachable = true;
            reachableSince = System.nanoTime();
        }
        if (!active) {
            return;
        }
        for (String probe : firedByCluster) {
            ScheduledFuture<?> timer = local.remove(probe);
            if (timer != null) {
                timer.cancel(false);
            }
        }
        if (local.isEmpty()) {
            disengage("cluster_fired", "the clustered schedule fires every probe again");
        } else if (System.nanoTime() - reachableSince > handback().toNanos()) {
            // On another replica Quartz may be firing the rest, which this one cannot see.
            disengage("timeout", "the job store is back; " + local.size() + " probe(s) not yet seen fired here, left to the cluster");
        }
    }

    private void disengage(String cause, String why) {
        cancelLocal();
        active = false;
        handbacks.labelValues(cause).inc();
        LOG.info("{}; local probe timers stopped", why);
    }

    /** How long to wait for Quartz to fire each probe after the store is back: two of the longest intervals, at least 30 s. */
    private Duration handback() {
        Duration longest = Duration.ofSeconds(15);
        for (Probe probe : plannedFor.probes()) {
            longest = probe.interval().compareTo(longest) > 0 ? probe.interval() : longest;
        }
        return longest.multipliedBy(2);
    }

    private void plan() {
        Probes probes = engine.probes();
        Instant now = clock.instant();
        for (Probe probe : probes.probes()) {
            if (reachable && firedByCluster.contains(probe.name())) {
                continue;
            }
            long interval = probe.interval().toMillis();
            Instant first = engine.lastPlanned(probe.name())
                    .map(last -> last.plusMillis(interval * Math.max(1, ceilDiv(now.toEpochMilli() - last.toEpochMilli(), interval))))
                    .orElseGet(() -> now.plusMillis(ProbeScheduler.offset(probe.name(), interval)));
            long[] n = {0};
            local.put(probe.name(), timers.scheduleAtFixedRate(() -> {
                try {
                    engine.submit(probe.name(), first.plusMillis(interval * n[0]++), ProbeResult.SCHEDULED);
                } catch (RuntimeException e) {
                    // A task that throws is never run again: log and keep the timer.
                    LOG.error("probe {}: local run not started: {}", probe.name(), e.toString());
                }
            }, Math.max(0, first.toEpochMilli() - now.toEpochMilli()), interval, TimeUnit.MILLISECONDS));
        }
        plannedFor = probes;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private void cancelLocal() {
        local.values().forEach(f -> f.cancel(false));
        local.clear();
    }

    @Override
    public void close() {
        active = false;
        timers.shutdownNow();
        watch.close();
    }
}
