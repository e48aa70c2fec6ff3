package com.nightbff.nightwatch.embeddedpg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server whose data lives in a folder that survives restarts. The port is chosen at
 * each start, so two instances (the plane's store and the sandbox's NightBFF database) never clash.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String SUPERUSER = "postgres";
    /** Where the binaries are shared: {@code nightwatch.postgres.dist}, else under /var/tmp, which outlives reboots. */
    private static final Path SHARED_DIST = Path.of(System.getProperty("nightwatch.postgres.dist",
            Files.isDirectory(Path.of("/var/tmp")) ? "/var/tmp/nightwatch-postgres/dist"
                    : System.getProperty("java.io.tmpdir") + "/nightwatch-postgres/dist"));

    private final Path home;
    private final Path install;
    private final Path data;
    private final int port;
    private final ProcessUser user;
    /** Folders deleted once the server has stopped; empty unless the builder was told the data is scratch. */
    private final List<Path> scratch;
    private volatile boolean stopped;

    private EmbeddedPostgres(Path home, Path install, int port, ProcessUser user, List<Path> scratch) {
        this.home = home;
        this.install = install;
        this.data = home.resolve("data");
        this.port = port;
        this.user = user;
        this.scratch = scratch;
    }

    public static Builder builder(Path home) {
        return new Builder(home);
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    public String user() {
        return SUPERUSER;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database when it does not exist yet; idempotent. */
    public void ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be a lower-case identifier: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             var check = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            check.setString(1, name);
            try (var rs = check.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            ProcessResult result = ProcessResult.run(user.command(List.of(bin("pg_ctl"), "-D", data.toString(),
                    "-m", "fast", "-w", "-t", "30", "stop")), home);
            if (result.exitCode() != 0) {
                LOG.warn("embedded PostgreSQL in {} did not stop cleanly: {}", home, result.output().strip());
            }
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL in {} could not be stopped: {}", home, e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        scratch.forEach(EmbeddedPostgres::deleteTree);
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("scratch data in {} could not be deleted: {}", dir, e.getMessage());
        }
    }

    private String bin(String name) {
        return install.resolve("bin").resolve(name).toString();
    }

    /** Configures and starts a server. */
    public static final class Builder {
        private final Path requestedHome;
        private int port;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private boolean shutdownHook = true;
        private boolean scratch;

        private Builder(Path home) {
            this.requestedHome = home.toAbsolutePath().normalize();
            settings.put("max_connections", "100");
            settings.put("fsync", "on");
        }

        /** Fixed port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** A server setting passed as {@code -c name=value}, e.g. max_connections. */
        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        public Builder shutdownHook(boolean enabled) {
            this.shutdownHook = enabled;
            return this;
        }

        /**
         * The data is disposable (a test's): the data folder, and the requested one, are deleted when the
         * server stops, so repeated runs do not pile up some 50 MB each.
         */
        public Builder scratch() {
            this.scratch = true;
            return this;
        }

        public EmbeddedPostgres start() {
            try {
                return doStart();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL failed to start in " + requestedHome, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting embedded PostgreSQL", e);
            }
        }

        private EmbeddedPostgres doStart() throws IOException, InterruptedException {
            ProcessUser user = ProcessUser.current();
            Path home = usableHome(user);
            Path install = binaries(home);
            int chosenPort = port > 0 ? port : freePort();
            EmbeddedPostgres pg = new EmbeddedPostgres(home, install, chosenPort, user,
                    scratch ? List.copyOf(new java.util.LinkedHashSet<>(List.of(home, requestedHome))) : List.of());
            if (!Files.exists(pg.data.resolve("PG_VERSION"))) {
                initdb(pg, user);
            }
            stopLeftover(pg, user);
            List<String> options = new ArrayList<>(List.of("-p", Integer.toString(chosenPort),
                    "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="));
            settings.forEach((k, v) -> options.addAll(List.of("-c", k + "=" + v)));
            Path log = home.resolve("postgres.log");
            ProcessResult.run(user.command(List.of(pg.bin("pg_ctl"), "-D", pg.data.toString(), "-l", log.toString(),
                    "-w", "-t", "60", "-o", String.join(" ", options), "start")), home)
                    .requireSuccess("pg_ctl start (see " + log + ")");
            if (shutdownHook) {
                Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "embedded-postgres-stop"));
            }
            LOG.info("embedded PostgreSQL running on 127.0.0.1:{} with data in {}", chosenPort, pg.data);
            return pg;
        }

        /**
         * The binaries, extracted once per version into a folder every server on the machine shares
         * (58 MB; per data folder, each test database paid for its own copy), or under the data folder
         * when the shared one cannot be written.
         */
        private static Path binaries(Path home) {
            try {
                return PostgresBinaries.install(SHARED_DIST);
            } catch (UncheckedIOException e) {
                LOG.warn("cannot use the shared PostgreSQL binaries in {} ({}); extracting under {}", SHARED_DIST, e.getMessage(), home);
                return PostgresBinaries.install(home.resolve("dist"));
            }
        }

        /**
         * The requested folder when the server's user can reach it; otherwise (a root JVM under a
         * folder such as /root that nobody may enter) a stable folder under /var/tmp.
         */
        private Path usableHome(ProcessUser user) throws IOException, InterruptedException {
            Files.createDirectories(requestedHome);
            if (!user.dropsPrivileges()) {
                return requestedHome;
            }
            user.own(requestedHome);
            if (user.canWrite(requestedHome)) {
                return requestedHome;
            }
            Path fallback = Path.of("/var/tmp/nightwatch-postgres", digest(requestedHome.toString()));
            Files.createDirectories(fallback);
            user.own(fallback);
            Files.writeString(fallback.resolve("OWNER"), requestedHome + "\n", StandardCharsets.UTF_8);
            LOG.warn("{} is not reachable by the unprivileged PostgreSQL user; keeping its data in {}",
                    requestedHome, fallback);
            return fallback;
        }

        private static void initdb(EmbeddedPostgres pg, ProcessUser user) throws IOException, InterruptedException {
            ProcessResult.run(user.command(List.of(pg.bin("initdb"), "-D", pg.data.toString(), "-U", SUPERUSER,
                    "-A", "trust", "-E", "UTF8", "--locale=C")), pg.home).requireSuccess("initdb");
        }

        /** A server left running by a killed JVM holds the data folder; stop it before starting ours. */
        private static void stopLeftover(EmbeddedPostgres pg, ProcessUser user) throws IOException, InterruptedException {
            if (!Files.exists(pg.data.resolve("postmaster.pid"))) {
                return;
            }
            ProcessResult status = ProcessResult.run(user.command(List.of(pg.bin("pg_ctl"), "-D", pg.data.toString(),
                    "status")), pg.home);
            if (status.exitCode() == 0) {
                LOG.warn("stopping a PostgreSQL left running in {}", pg.data);
                ProcessResult.run(user.command(List.of(pg.bin("pg_ctl"), "-D", pg.data.toString(), "-m", "fast",
                        "-w", "-t", "30", "stop")), pg.home).requireSuccess("pg_ctl stop of the leftover server");
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        private static String digest(String text) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
