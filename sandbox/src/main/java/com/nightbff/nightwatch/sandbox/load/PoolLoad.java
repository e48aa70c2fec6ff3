package com.nightbff.nightwatch.sandbox.load;

import com.nightbff.nightwatch.embeddedpg.EmbeddedPostgres;
import com.nightbff.nightwatch.sandbox.Sandbox;
import com.nightbff.nightwatch.sandbox.SandboxOptions;
import com.nightbff.nightwatch.sandbox.db.Seeder;
import com.nightbff.nightwatch.sandbox.fleet.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One pool-load run: a fresh sandbox whose env files all say DB_POOL_SIZE=size, pointed at the given
 * PostgreSQL, loaded for a bounded time, then stopped so the next run starts from empty pools.
 */
public final class PoolLoad {

    /**
     * Half a second per borrowed connection: with it, how many connections the load holds at once is set by
     * the number of users rather than by how fast this machine runs Java, so 8 x 50 outgrows 100 on a slow
     * or busy machine too (without it a 2-core CI machine held only 67 at its peak).
     */
    public static final int DEFAULT_DB_LATENCY_MS = 500;

    private final String jdbcUrl;
    private final int portOffset;
    private final Path workDir;
    private final long dbLatencyMs;

    /** {@code dbLatencyMs}: SANDBOX_DB_LATENCY_MS written into every env file (0 for none). */
    public PoolLoad(String jdbcUrl, int portOffset, Path workDir, long dbLatencyMs) {
        this.jdbcUrl = jdbcUrl;
        this.portOffset = portOffset;
        this.workDir = workDir;
        this.dbLatencyMs = dbLatencyMs;
    }

    /** Starts an embedded PostgreSQL with the given connection limit for a benchmark or test. */
    public static EmbeddedPostgres database(Path home, int maxConnections) {
        EmbeddedPostgres pg = EmbeddedPostgres.builder(home).setting("max_connections", Integer.toString(maxConnections))
                .setting("fsync", "off").setting("synchronous_commit", "off").start();
        pg.ensureDatabase("nightbff");
        return pg;
    }

    public LoadResult run(int poolSize, int usersPerService, Duration duration) throws IOException, InterruptedException {
        Path envDir = Files.createDirectories(workDir.resolve("env-" + poolSize));
        for (String service : Ports.SERVICES.keySet()) {
            Files.writeString(envDir.resolve(service + ".env"), "SERVICE_NAME=" + service + "\nDB_POOL_SIZE=" + poolSize
                    + "\nSANDBOX_DB_LATENCY_MS=" + dbLatencyMs + "\n");
        }
        SandboxOptions options = SandboxOptions.parse("--env-dir", envDir.toString(), "--jdbc-url", jdbcUrl,
                "--redis-url", "none", "--port-offset", Integer.toString(portOffset));
        try (Connection monitor = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            LoadResult result;
            try (Sandbox sandbox = Sandbox.start(options)) {
                String token = login(sandbox.port("auth"));
                result = new LoadDriver(targets(sandbox), usersPerService, duration, token).run(() -> connections(monitor));
            }
            // The next run must start against an empty server, not the tail of this one.
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (connections(monitor) > 1 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot watch pg_stat_activity: " + e.getMessage(), e);
        }
    }

    static List<Target> targets(Sandbox sandbox) {
        List<Target> targets = new ArrayList<>();
        targets.add(get(sandbox, "auth", "/api/auth/me"));
        targets.add(get(sandbox, "user", "/api/users/nearby?radiusKm=5"));
        targets.add(new Target("plan", "POST", uri(sandbox, "plan", "/api/plans"),
                "{\"destination\":\"Test Destination City 3\",\"startsAt\":\"2030-01-01T21:00:00Z\"}"));
        targets.add(get(sandbox, "event", "/api/events/trending"));
        targets.add(get(sandbox, "interest", "/api/interests/recommendations"));
        targets.add(get(sandbox, "venue", "/api/venues/search?lat=51.5074&lng=-0.1278&radiusKm=3"));
        targets.add(get(sandbox, "chat", "/api/chats"));
        targets.add(get(sandbox, "notification", "/api/notifications"));
        return targets;
    }

    private static Target get(Sandbox sandbox, String service, String path) {
        return new Target(service, "GET", uri(sandbox, service, path), null);
    }

    private static URI uri(Sandbox sandbox, String service, String path) {
        return URI.create("http://127.0.0.1:" + sandbox.port(service) + path);
    }

    private static String login(int authPort) throws IOException, InterruptedException {
        String password = System.getenv().getOrDefault(Sandbox.PROBE_PASSWORD_ENV, Sandbox.DEFAULT_PROBE_PASSWORD);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + authPort + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + Seeder.PROBE_EMAIL + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("probe login failed: " + response.statusCode() + " " + response.body());
        }
        return com.nightbff.nightwatch.sandbox.http.Json.MAPPER.readTree(response.body()).path("accessToken").asString();
    }

    private static int connections(Connection monitor) {
        try (Statement st = monitor.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return 0;
        }
    }
}
