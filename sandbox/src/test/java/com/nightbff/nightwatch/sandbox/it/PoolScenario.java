package com.nightbff.nightwatch.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.embeddedpg.EmbeddedPostgres;
import com.nightbff.nightwatch.sandbox.fleet.Ports;
import com.nightbff.nightwatch.sandbox.load.LoadResult;
import com.nightbff.nightwatch.sandbox.load.PoolLoad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * NightBFF's incident at a given scale: eight pools that together outgrow the server's max_connections
 * against eight that fit, under the same closed-loop load. The figures go into every assertion message,
 * so a failure in CI says what the run saw.
 */
record PoolScenario(int maxConnections, int overPool, int fitPool, int usersPerService) {

    static final int SERVICES = Ports.SERVICES.size();
    private static final double LATENCY_S = PoolLoad.DEFAULT_DB_LATENCY_MS / 1000.0;

    PoolScenario {
        if (SERVICES * Math.min(overPool, usersPerService) <= maxConnections || SERVICES * fitPool >= maxConnections) {
            throw new IllegalArgumentException("the over-budget load must want more sessions than the server allows, and the"
                    + " pools that fit fewer");
        }
    }

    EmbeddedPostgres startDatabase(String name) {
        return PoolLoad.database(Path.of(System.getProperty("java.io.tmpdir"), "nightwatch-sandbox-it", name), maxConnections);
    }

    LoadResult run(EmbeddedPostgres pg, int poolSize, Duration duration) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("pool-load-it-");
        try {
            LoadResult result = new PoolLoad(pg.jdbcUrl("nightbff"), TestSandbox.OFFSET, work, PoolLoad.DEFAULT_DB_LATENCY_MS)
                    .run(poolSize, usersPerService, duration);
            System.out.println(describe(poolSize, result));
            return result;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    void assertOverBudget(LoadResult result) {
        String seen = describe(overPool, result);
        // At least half of what a full server serves at the injected latency: the load really ran.
        assertThat((double) result.requests()).as(seen).isGreaterThanOrEqualTo(maxConnections * result.seconds() / LATENCY_S / 2);
        assertThat(result.errors53300()).as(seen).isPositive();
        // Refused connections come and go, so the sampled peak varies from run to run; what matters is
        // that the pools grew past anything the pools that fit could hold.
        assertThat(result.peakConnections()).as(seen).isGreaterThan(SERVICES * fitPool);
    }

    void assertFits(LoadResult result) {
        String seen = describe(fitPool, result);
        // At least half of what the small pools can serve at the injected latency: they were kept busy, not idle.
        assertThat((double) result.ok()).as(seen).isGreaterThanOrEqualTo(SERVICES * fitPool * result.seconds() / LATENCY_S / 2);
        assertThat(result.errors53300()).as(seen).isZero();
        // Queueing for a small pool is slow, not broken: nearly every request still succeeds.
        assertThat(result.ok()).as(seen).isGreaterThanOrEqualTo(result.requests() * 9 / 10);
        // The pools, the monitor's session, and a few backends still exiting or a request's own connect check;
        // below max_connections, so the bound can fail.
        assertThat(result.peakConnections()).as(seen).isLessThanOrEqualTo(SERVICES * fitPool + 1 + SERVICES / 2);
    }

    private String describe(int poolSize, LoadResult result) {
        String pools = SERVICES + "x" + poolSize;
        return pools + " against max_connections=" + maxConnections + ": " + result.figures("", pools) + " "
                + result.failuresSorted();
    }
}
