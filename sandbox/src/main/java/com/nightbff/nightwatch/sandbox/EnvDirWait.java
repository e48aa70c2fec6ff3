package com.nightbff.nightwatch.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plane checks its content out while the sandbox starts, so the env folder may appear a little later. */
final class EnvDirWait {

    private static final Logger LOG = LoggerFactory.getLogger(EnvDirWait.class);

    private EnvDirWait() {
    }

    static boolean await(Path dir, int seconds) {
        if (Files.isDirectory(dir)) {
            return true;
        }
        LOG.info("waiting up to {} s for env folder {} to appear", seconds, dir.toAbsolutePath());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (Files.isDirectory(dir)) {
                LOG.info("env folder {} is there", dir);
                return true;
            }
        }
        LOG.warn("env folder {} did not appear within {} s; starting with defaults and watching for it", dir, seconds);
        return false;
    }
}
