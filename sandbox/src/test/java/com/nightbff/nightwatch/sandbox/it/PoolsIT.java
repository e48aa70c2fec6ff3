package com.nightbff.nightwatch.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pool sizes come from the env files, show in pg_stat_activity, and follow live edits; Redis may be absent. */
class PoolsIT {

    @Test
    void poolsFollowTheirEnvFilesLive() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(); Connection admin = sandbox.connect()) {
            String token = sandbox.login();
            int user = sandbox.port("user");
            burst(user, "/api/users/nearby?radiusKm=20", token, 12);
            assertThat(connections(admin, sandbox.database(), "user")).isBetween(1, 3);
            assertThat(connections(admin, sandbox.database(), "venue")).isBetween(0, 3);

            Files.writeString(sandbox.envFile("user"), "SERVICE_NAME=user\nDB_POOL_SIZE=1\n");
            awaitMetric(user, "hikaricp_connections_max{pool=\"user\",service=\"user\"} 1.0");
            burst(user, "/api/users/nearby?radiusKm=20", token, 8);
            waitUntil(() -> connections(admin, sandbox.database(), "user") <= 1);
            assertThat(connections(admin, sandbox.database(), "user")).isLessThanOrEqualTo(1);
            assertThat(Http.get(user, "/health", null).json().path("database").path("pool").path("max").asInt()).isEqualTo(1);

            // grows again on demand after a revert
            Files.writeString(sandbox.envFile("user"), "SERVICE_NAME=user\nDB_POOL_SIZE=3\n");
            awaitMetric(user, "hikaricp_connections_max{pool=\"user\",service=\"user\"} 3.0");
            assertThat(Http.get(user, "/api/users/nearby", token).status()).isEqualTo(200);
        }
    }

    @Test
    void venueSearchStrategyFollowsTheEnvFile() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start()) {
            int venue = sandbox.port("venue");
            Files.writeString(sandbox.envFile("venue"), "SERVICE_NAME=venue\nDB_POOL_SIZE=3\nSANDBOX_VENUE_SEARCH=scan\n");
            waitUntil(() -> Http.get(venue, "/health", null).json().path("venueSearch").path("configured").asString().equals("scan"));
            assertThat(Http.get(venue, "/api/venues/search?lat=51.5&lng=-0.12", null).json().path("strategy").asString())
                    .isEqualTo("scan");
            Files.writeString(sandbox.envFile("venue"), "SERVICE_NAME=venue\nDB_POOL_SIZE=3\nSANDBOX_VENUE_SEARCH=postgis\n");
            waitUntil(() -> Http.get(venue, "/health", null).json().path("venueSearch").path("configured").asString()
                    .equals("postgis"));
            String effective = sandbox.sandbox().postgis() ? "postgis" : "scan";
            assertThat(Http.get(venue, "/api/venues/search?lat=51.5&lng=-0.12", null).json().path("strategy").asString())
                    .isEqualTo(effective);
        }
    }

    @Test
    void databaseLatencyHoldsEveryBorrowedConnection() throws Exception {
        try (TestSandbox sandbox = TestSandbox.start()) {
            int venue = sandbox.port("venue");
            String search = "/api/venues/search?lat=51.5&lng=-0.12";
            // Long enough that a search without it stays below even on a busy machine.
            long latency = 1500;
            Files.writeString(sandbox.envFile("venue"), "SERVICE_NAME=venue\nDB_POOL_SIZE=3\nSANDBOX_DB_LATENCY_MS=" + latency + "\n");
            waitUntil(() -> millis(() -> Http.get(venue, search, null)) >= latency);
            assertThat(millis(() -> assertThat(Http.get(venue, search, null).status()).isEqualTo(200))).isGreaterThanOrEqualTo(latency);
            assertThat(Http.get(sandbox.sandbox().controlPort(), "/_sandbox/status", null).body()).contains("SANDBOX_DB_LATENCY_MS");
            Files.writeString(sandbox.envFile("venue"), "SERVICE_NAME=venue\nDB_POOL_SIZE=3\n");
            // A search faster than the latency is proof it is gone; a stalled machine may make one slow, so it is retried.
            waitUntil(() -> millis(() -> Http.get(venue, search, null)) < latency);
            assertThat(Http.get(sandbox.sandbox().controlPort(), "/_sandbox/status", null).body()).doesNotContain("SANDBOX_DB_LATENCY_MS");
        }
    }

    private static long millis(Check.Action action) throws Exception {
        long t0 = System.nanoTime();
        action.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void interestRunsUncachedWithoutRedisAndSaysSo() {
        try (TestSandbox sandbox = TestSandbox.withRedis("redis://127.0.0.1:1/5")) {
            String token = sandbox.login();
            int interest = sandbox.port("interest");
            Http.Res health = Http.get(interest, "/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("cache").path("status").asString()).isEqualTo("uncached");
            assertThat(health.json().path("cache").path("reason").asString()).contains("Redis unreachable");
            Http.get(interest, "/api/interests/recommendations", token);
            Http.Res second = Http.get(interest, "/api/interests/recommendations", token);
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.header("X-Cache")).isEqualTo("MISS");
        }
    }

    private static void burst(int port, String path, String token, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < parallel * 3; i++) {
                results.add(pool.submit(() -> Http.get(port, path, token).status()));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get(20, TimeUnit.SECONDS)).isIn(200, 500);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitMetric(int port, String line) throws InterruptedException {
        waitUntil(() -> Http.get(port, "/metrics", null).body().contains(line));
        assertThat(Http.get(port, "/metrics", null).body()).contains(line);
    }

    static int connections(Connection admin, String database, String application) {
        try (PreparedStatement ps = admin.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ? AND application_name = ?")) {
            ps.setString(1, database);
            ps.setString(2, application);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Check {
        boolean ok() throws Exception;

        interface Action {
            void run() throws Exception;
        }
    }

    static void waitUntil(Check check) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within 10 s");
    }
}
