package com.nightbff.nightwatch.probes.internal;

import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.system.MetricNames;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches results into the store from one background thread. While the database is down results
 * wait in a bounded buffer and are written, in order, when it returns; past the bound the oldest
 * are dropped and counted, so an outage costs memory only up to a known limit and never blocks a
 * probe run. A result dropped while the batch holding it is being written is counted only once that
 * write failed (it may yet land), so every result ends up stored or counted as dropped, never both.
 * The one exception: a commit that succeeds but whose acknowledgement is lost reads as a failure, and
 * its results dropped meanwhile are counted although they landed (re-writing the batch is harmless:
 * inserts ignore ids already stored).
 */
public class ResultWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultWriter.class);

    private final ResultStore store;
    private final int capacity;
    private final int batchSize;
    private final Duration flushInterval;
    private final ArrayDeque<ProbeResult> buffer = new ArrayDeque<>();
    /** The batch being written and those of its results dropped from the buffer meanwhile; guarded by buffer. */
    private final java.util.Set<ProbeResult> inFlight = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private int droppedInFlight;
    private final Object writing = new Object();
    private final Counter dropped;
    private final Counter writeErrors;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean healthy = true;

    public ResultWriter(ResultStore store, int capacity, int batchSize, Duration flushInterval, PrometheusRegistry registry) {
        this.store = store;
        this.capacity = capacity;
        this.batchSize = batchSize;
        this.flushInterval = flushInterval;
        this.dropped = Counter.builder().name(MetricNames.PROBE_RESULTS_DROPPED)
                .help("Probe results dropped because the buffer was full while the database was unavailable").register(registry);
        this.writeErrors = Counter.builder().name(MetricNames.PROBE_RESULT_WRITE_ERRORS)
                .help("Failed attempts to write a batch of probe results").register(registry);
        GaugeWithCallback.builder().name(MetricNames.PROBE_RESULTS_BUFFERED).help("Probe results waiting in memory for the database")
                .callback(cb -> cb.call(buffered())).register(registry);
        this.thread = new Thread(this::loop, "probe-result-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Never blocks: a full buffer drops its oldest result. */
    public void offer(ProbeResult result) {
        synchronized (buffer) {
            if (buffer.size() >= capacity) {
                if (inFlight.contains(buffer.pollFirst())) {
                    droppedInFlight++;
                } else {
                    dropped.inc();
                }
            }
            buffer.addLast(result);
            if (buffer.size() >= batchSize) {
                buffer.notifyAll();
            }
        }
    }

    /**
     * The newest buffered result of each probe: while the store is down, the only record of what the
     * probes found since, which the console shows rather than nothing.
     */
    public Map<String, ProbeResult> latestUnstored() {
        Map<String, ProbeResult> latest = new HashMap<>();
        synchronized (buffer) {
            for (ProbeResult r : buffer) {
                latest.merge(r.probe(), r, (a, b) -> b.startedAt().isAfter(a.startedAt()) ? b : a);
            }
        }
        return latest;
    }

    public int buffered() {
        synchronized (buffer) {
            return buffer.size();
        }
    }

    public long droppedCount() {
        return (long) dropped.get();
    }

    public boolean healthy() {
        return healthy;
    }

    /** Writes everything buffered now; false when the store failed (the results stay buffered). */
    public boolean flush() {
        synchronized (writing) {
            return flushBatches();
        }
    }

    private boolean flushBatches() {
        while (true) {
            List<ProbeResult> batch;
            synchronized (buffer) {
                batch = new ArrayList<>(buffer.stream().limit(batchSize).toList());
                inFlight.addAll(batch);
            }
            if (batch.isEmpty()) {
                return true;
            }
            try {
                store.insert(batch);
            } catch (RuntimeException e) {
                synchronized (buffer) {
                    // Dropped while this write was tried: now they are lost.
                    dropped.inc(droppedInFlight);
                    droppedInFlight = 0;
                    inFlight.clear();
                }
                writeErrors.inc();
                if (healthy) {
                    LOG.warn("probe results cannot be written ({}); buffering up to {} in memory", e.getMessage(), capacity);
                }
                healthy = false;
                return false;
            }
            if (!healthy) {
                LOG.info("probe result store is back; flushing {} buffered result(s)", buffered());
            }
            healthy = true;
            synchronized (buffer) {
                // Results dropped from the head meanwhile landed all the same; remove exactly those written.
                for (ProbeResult written : batch) {
                    buffer.removeFirstOccurrence(written);
                }
                droppedInFlight = 0;
                inFlight.clear();
            }
        }
    }

    private void loop() {
        while (running) {
            synchronized (buffer) {
                try {
                    buffer.wait(flushInterval.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            boolean ok = flush();
            if (!ok) {
                sleep(Math.max(flushInterval.toMillis(), 1000));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
