package com.nightbff.nightwatch.sandbox.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one env file. Polling rather than a WatchService because git checkouts replace files by rename,
 * the watched folder may not exist yet, and a half-second poll of a tiny file costs nothing.
 */
public final class EnvWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnvWatcher.class);

    private final Path file;
    private final Consumer<Map<String, String>> onChange;
    private final ScheduledExecutorService timer;
    private volatile Map<String, String> last;

    public EnvWatcher(Path file, Consumer<Map<String, String>> onChange, long periodMillis) {
        this.file = file;
        this.onChange = onChange;
        this.last = EnvFile.read(file).orElse(null);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "env-watch-" + file.getFileName());
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::poll, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** The values read at construction, empty when the file did not exist. */
    public Optional<Map<String, String>> initial() {
        return Optional.ofNullable(last);
    }

    void poll() {
        try {
            Map<String, String> now = EnvFile.read(file).orElse(null);
            if (now != null && !Objects.equals(now, last)) {
                last = now;
                LOG.info("{} changed: {}", file, now);
                onChange.accept(now);
            }
        } catch (RuntimeException e) {
            LOG.warn("applying {} failed: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
