package com.nightbff.nightwatch.sandbox.it;

import com.nightbff.nightwatch.sandbox.Sandbox;
import com.nightbff.nightwatch.sandbox.SandboxOptions;
import com.nightbff.nightwatch.sandbox.fleet.Ports;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A sandbox on the local PostgreSQL (own database, dropped afterwards) and Redis, on ports +1000 so a
 * running demo is not disturbed, with small pools because that PostgreSQL is shared with other tests.
 */
public final class TestSandbox implements AutoCloseable {

    public static final String LOCAL_PG = "jdbc:postgresql://127.0.0.1:5432/";
    public static final int OFFSET = 1000;

    private final String database;
    private final Path envDir;
    private final Sandbox sandbox;
    private final String redisPrefix;

    private TestSandbox(String redisUrl, int poolSize, String jdbcOverride, String... extraVenueEnv) {
        database = "sandbox_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        redisPrefix = "it-" + database + ":";
        try {
            envDir = Files.createTempDirectory("sandbox-env-");
            for (String service : Ports.SERVICES.keySet()) {
                StringBuilder env = new StringBuilder("SERVICE_NAME=" + service + "\nDB_POOL_SIZE=" + poolSize + "\n");
                if (service.equals("venue")) {
                    for (String line : extraVenueEnv) {
                        env.append(line).append('\n');
                    }
                }
                Files.writeString(envDir.resolve(service + ".env"), env.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String jdbc = jdbcOverride;
        if (jdbc == null) {
            admin("CREATE DATABASE " + database);
            jdbc = LOCAL_PG + database;
        }
        List<String> args = new ArrayList<>(List.of("--env-dir", envDir.toString(), "--jdbc-url", jdbc, "--redis-url", redisUrl,
                "--redis-prefix", redisPrefix, "--port-offset", Integer.toString(OFFSET)));
        try {
            sandbox = Sandbox.start(SandboxOptions.parse(args.toArray(String[]::new)));
        } catch (RuntimeException e) {
            dropDatabase();
            throw e;
        }
    }

    public static TestSandbox start() {
        return new TestSandbox("redis://127.0.0.1:6379/5", 3, null);
    }

    public static TestSandbox withRedis(String redisUrl) {
        return new TestSandbox(redisUrl, 3, null);
    }

    public static TestSandbox withJdbc(String jdbcUrl) {
        return new TestSandbox("redis://127.0.0.1:6379/5", 3, jdbcUrl);
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public String database() {
        return database;
    }

    public String redisPrefix() {
        return redisPrefix;
    }

    public int port(String service) {
        return sandbox.port(service);
    }

    public Path envFile(String service) {
        return envDir.resolve(service + ".env");
    }

    public String login() {
        Http.Res res = Http.send(port("auth"), "POST", "/api/auth/login", null,
                "{\"email\":\"probe@nightbff.test\",\"password\":\"nightwatch-probe\"}");
        if (res.status() != 200) {
            throw new IllegalStateException("login failed: " + res.status() + " " + res.body());
        }
        return res.json().path("accessToken").asString();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(LOCAL_PG + database, "postgres", "");
    }

    static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(LOCAL_PG + "postgres", "postgres", ""); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void dropDatabase() {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Override
    public void close() {
        sandbox.close();
        dropDatabase();
        RedisClient client = RedisClient.create("redis://127.0.0.1:6379/5");
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            List<String> keys = redis.sync().keys("*" + redisPrefix + "*");
            if (!keys.isEmpty()) {
                redis.sync().del(keys.toArray(String[]::new));
            }
        } catch (RuntimeException ignored) {
            // Redis absent: nothing was written
        } finally {
            client.shutdown();
        }
    }
}
