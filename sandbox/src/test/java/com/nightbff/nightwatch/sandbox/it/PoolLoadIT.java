package com.nightbff.nightwatch.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.embeddedpg.EmbeddedPostgres;
import com.nightbff.nightwatch.sandbox.load.LoadResult;
import com.nightbff.nightwatch.sandbox.load.PoolLoad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * NightBFF's incident on a private PostgreSQL with max_connections = 100: 8 pools of 50 produce 53300
 * under load, 8 pools of 10 do not. The last test stops that server to see requests fail fast.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoolLoadIT {

    private static EmbeddedPostgres pg;
    private static Path work;

    @BeforeAll
    static void startDatabase() throws Exception {
        pg = PoolLoad.database(Path.of(System.getProperty("java.io.tmpdir"), "nightwatch-sandbox-it", "pool-load-pg"), 100);
        work = Files.createTempDirectory("pool-load-it-");
    }

    @AfterAll
    static void stopDatabase() {
        if (pg != null) {
            pg.close();
        }
    }

    /** The benchmark's load: enough users that 8 pools of 50 outgrow 100 connections on a slow machine too. */
    private static final int USERS = 20;

    private static PoolLoad load() {
        return new PoolLoad(pg.jdbcUrl("nightbff"), TestSandbox.OFFSET, work, PoolLoad.DEFAULT_DB_LATENCY_MS);
    }

    @Test
    @Order(1)
    void overBudgetPoolsHitTooManyClients() throws Exception {
        LoadResult result = load().run(50, USERS, Duration.ofSeconds(12));
        System.out.println("8x50: " + result.figures("", "8x50") + " " + result.failuresSorted());
        assertThat(result.requests()).isGreaterThan(500);
        assertThat(result.errors53300()).isPositive();
        // Refused connections come and go, so the sampled peak varies from run to run; what matters is
        // that the pools grew past anything eight pools of ten could hold.
        assertThat(result.peakConnections()).isGreaterThan(8 * 10);
    }

    @Test
    @Order(2)
    void poolsThatFitTheBudgetDoNot() throws Exception {
        LoadResult result = load().run(10, USERS, Duration.ofSeconds(8));
        System.out.println("8x10: " + result.figures("", "8x10") + " " + result.failuresSorted());
        assertThat(result.requests()).isGreaterThan(500);
        assertThat(result.errors53300()).isZero();
        assertThat(result.peakConnections()).isLessThanOrEqualTo(90);
    }

    @Test
    @Order(3)
    void databaseOutageFailsFastWithTheSqlState() throws Exception {
        try (TestSandbox sandbox = TestSandbox.withJdbc(pg.jdbcUrl("nightbff"))) {
            String token = sandbox.login();
            pg.close();
            long t0 = System.nanoTime();
            Http.Res res = Http.get(sandbox.port("event"), "/api/events/trending", token);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(6000);
            assertThat(res.status()).isEqualTo(500);
            assertThat(res.json().path("statusCode").asInt()).isEqualTo(500);
            // A pooled connection may meet the shutdown itself (57P01 admin_shutdown) rather than a refused connect (08xxx).
            assertThat(res.json().path("code").asString()).matches("08...|57P0[1-3]");
            assertThat(res.json().path("error").asString()).isNotEmpty();
            Http.Res health = Http.get(sandbox.port("event"), "/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().path("database").path("status").asString()).isEqualTo("down");
        }
    }
}
