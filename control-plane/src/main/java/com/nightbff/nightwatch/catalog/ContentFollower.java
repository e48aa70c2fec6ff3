package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.system.NightwatchProperties;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica's snapshot in step with the cluster. The Quartz poll job is clustered, so it
 * fires on one replica per interval; the others learn of a newly applied revision here, from the
 * store (one indexed query), and load it themselves. Without this, a replica that never won the
 * poll trigger would keep running probes from the revision it started with.
 */
@Component
class ContentFollower implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ContentFollower.class);

    private final ContentCatalog catalog;
    private final ContentRevisionStore store;
    private final long intervalMillis;
    private ScheduledExecutorService executor;

    ContentFollower(ContentCatalog catalog, ContentRevisionStore store, NightwatchProperties props) {
        this.catalog = catalog;
        this.store = store;
        this.intervalMillis = Math.max(1_000, props.content().pollInterval().toMillis() / 2);
    }

    /** Polls when the cluster applied a revision this replica does not run; true when it did. */
    boolean followOnce() {
        Optional<String> applied = store.lastApplied();
        String local = catalog.active().map(s -> s.revision().sha()).orElse(null);
        if (applied.isEmpty() || applied.get().equals(local)) {
            return false;
        }
        LOG.info("revision {} was applied by another replica; loading it", applied.get());
        catalog.follow(applied.get());
        return true;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "content-follower");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                followOnce();
            } catch (RuntimeException e) {
                LOG.warn("content follower: {}", e.getMessage());
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
