package com.nightbff.nightwatch.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.embeddedpg.EmbeddedPostgres;
import com.nightbff.nightwatch.sandbox.load.LoadResult;
import com.nightbff.nightwatch.sandbox.load.PoolLoad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * NightBFF's incident at a given scale: eight pools that together outgrow the server's max_connections
 * against eight that fit, under the same closed-loop load. The figures go into every assertion message,
 * so a failure in CI says what the run saw.
 */
record PoolScenario(int maxConnections, int overPool, int fitPool, int usersPerService) {

    static final int SERVICES = 8;

    EmbeddedPostgres startDatabase(String name) {
        return PoolLoad.database(Path.of(System.getProperty("java.io.tmpdir"), "nightwatch-sandbox-it", name), maxConnections);
    }

    LoadResult run(EmbeddedPostgres pg, int poolSize, Duration duration) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("pool-load-it-");
        LoadResult result = new PoolLoad(pg.jdbcUrl("nightbff"), TestSandbox.OFFSET, work, PoolLoad.DEFAULT_DB_LATENCY_MS)
                .run(poolSize, usersPerService, duration);
        System.out.println(describe(poolSize, result));
        return result;
    }

    void assertOverBudget(LoadResult result) {
        String seen = describe(overPool, result);
        assertThat(SERVICES * Math.min(overPool, usersPerService)).as("the load must want more than the server allows")
                .isGreaterThan(maxConnections);
        assertThat(result.requests()).as(seen).isGreaterThanOrEqualTo(SERVICES * usersPerService);
        assertThat(result.errors53300()).as(seen).isPositive();
        // Refused connections come and go, so the sampled peak varies from run to run; what matters is
        // that the pools grew past anything the pools that fit could hold.
        assertThat(result.peakConnections()).as(seen).isGreaterThan(SERVICES * fitPool);
    }

    void assertFits(LoadResult result) {
        String seen = describe(fitPool, result);
        assertThat(result.requests()).as(seen).isGreaterThanOrEqualTo(SERVICES * usersPerService);
        assertThat(result.errors53300()).as(seen).isZero();
        // Queueing for a small pool is slow, not broken: nearly every request still succeeds.
        assertThat(result.ok()).as(seen).isGreaterThanOrEqualTo(result.requests() * 9 / 10);
        // Eight pools, plus a request's own connect check per pool, plus the monitor's session.
        assertThat(result.peakConnections()).as(seen).isLessThanOrEqualTo(SERVICES * fitPool + SERVICES + 1);
    }

    private String describe(int poolSize, LoadResult result) {
        String pools = SERVICES + "x" + poolSize;
        return pools + " against max_connections=" + maxConnections + ": " + result.figures("", pools) + " "
                + result.failuresSorted();
    }
}
