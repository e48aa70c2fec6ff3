package com.nightbff.nightwatch.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line flags; every one has a default so {@code java -jar sandbox.jar} alone works. */
public record SandboxOptions(Path envDir, Path dataDir, String jdbcUrl, String dbUser, String dbPassword, String redisUrl,
                             String redisPrefix, int portOffset, String host, int envWaitSeconds, int maxConnections,
                             int dbPort) {

    public static final String USAGE = """
            usage: java -jar sandbox.jar [--env-dir DIR] [--data-dir DIR] [--jdbc-url URL [--db-user U] [--db-password P]]
                                         [--redis-url URL|none] [--redis-prefix P] [--port-offset N]
                                         [--max-connections N] [--db-port N] [--env-wait-seconds N]
            """;

    /** The embedded database's port (plus the port offset), fixed so fleet.yaml can name NightBFF's database. */
    public static final int DEFAULT_DB_PORT = 5499;

    public static SandboxOptions defaults() {
        return new SandboxOptions(Path.of("deploy"), Path.of(".nightwatch/sandbox"), null, "postgres", "",
                "redis://127.0.0.1:6379/5", "nightbff:", 0, "127.0.0.1", 60, 100, DEFAULT_DB_PORT);
    }

    public static SandboxOptions parse(String... args) {
        SandboxOptions d = defaults();
        Path envDir = d.envDir;
        Path dataDir = d.dataDir;
        String jdbcUrl = d.jdbcUrl;
        String dbUser = d.dbUser;
        String dbPassword = d.dbPassword;
        String redisUrl = d.redisUrl;
        String redisPrefix = d.redisPrefix;
        int portOffset = d.portOffset;
        int envWait = d.envWaitSeconds;
        int maxConnections = d.maxConnections;
        int dbPort = d.dbPort;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            int eq = flag.indexOf('=');
            String name = eq < 0 ? flag : flag.substring(0, eq);
            String value = eq < 0 ? null : flag.substring(eq + 1);
            if (value == null) {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
                }
                value = rest.remove(0);
            }
            switch (name) {
                case "--env-dir" -> envDir = Path.of(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--jdbc-url" -> jdbcUrl = value;
                case "--db-user" -> dbUser = value;
                case "--db-password" -> dbPassword = value;
                case "--redis-url" -> redisUrl = redisWithDb(value);
                case "--redis-prefix" -> redisPrefix = value;
                case "--port-offset" -> portOffset = Integer.parseInt(value);
                case "--env-wait-seconds" -> envWait = Integer.parseInt(value);
                case "--max-connections" -> maxConnections = Integer.parseInt(value);
                case "--db-port" -> dbPort = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown flag " + name + "\n" + USAGE);
            }
        }
        return new SandboxOptions(envDir, dataDir, jdbcUrl, dbUser, dbPassword, redisUrl, redisPrefix, portOffset, d.host,
                envWait, maxConnections, dbPort);
    }

    /** A URL without a database index gets /5, so the sandbox never writes into Redis database 0 by accident. */
    static String redisWithDb(String url) {
        if (url.equalsIgnoreCase("none")) {
            return "none";
        }
        String afterHost = url.replaceFirst("^rediss?://", "");
        return afterHost.contains("/") ? url : url + "/5";
    }
}
