package com.nightbff.nightwatch.sandbox;

import com.nightbff.nightwatch.embeddedpg.EmbeddedPostgres;
import com.nightbff.nightwatch.sandbox.auth.BearerAuth;
import com.nightbff.nightwatch.sandbox.auth.Jwt;
import com.nightbff.nightwatch.sandbox.auth.Passwords;
import com.nightbff.nightwatch.sandbox.cache.RecommendationCache;
import com.nightbff.nightwatch.sandbox.control.ControlServer;
import com.nightbff.nightwatch.sandbox.db.DatabaseTarget;
import com.nightbff.nightwatch.sandbox.db.Seeder;
import com.nightbff.nightwatch.sandbox.fleet.GeocoderServer;
import com.nightbff.nightwatch.sandbox.fleet.Ports;
import com.nightbff.nightwatch.sandbox.fleet.SandboxService;
import com.nightbff.nightwatch.sandbox.fleet.Shared;
import com.nightbff.nightwatch.sandbox.geocoder.GeocoderClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running sandbox: database, geocoder, eight services and the control port, closed in reverse order. */
public final class Sandbox implements AutoCloseable {

    public static final String PROBE_PASSWORD_ENV = "SANDBOX_PROBE_PASSWORD";
    public static final String DEFAULT_PROBE_PASSWORD = "nightwatch-probe";
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    private static final int HTTP_THREADS = 48;

    private final SandboxOptions options;
    private final List<SandboxService> services = new ArrayList<>();
    private EmbeddedPostgres embedded;
    private DatabaseTarget database;
    private boolean postgis;
    private RecommendationCache cache;
    private GeocoderServer geocoder;
    private ControlServer control;

    private Sandbox(SandboxOptions options) {
        this.options = options;
    }

    public static Sandbox start(SandboxOptions options) {
        Sandbox sandbox = new Sandbox(options);
        try {
            sandbox.boot();
            return sandbox;
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    private void boot() {
        long start = System.nanoTime();
        cache = new RecommendationCache(options.redisUrl(), options.redisPrefix());
        EnvDirWait.await(options.envDir(), options.envWaitSeconds());
        database = openDatabase();
        postgis = seed();
        String jwtSecret = Objects.requireNonNullElse(System.getenv("SANDBOX_JWT_SECRET"), "nightbff-sandbox-jwt-secret");
        geocoder = new GeocoderServer(options.host(), Ports.GEOCODER + options.portOffset());
        geocoder.open();
        Shared shared = new Shared(options.host(), options.envDir(), database, postgis, new BearerAuth(new Jwt(jwtSecret,
                Clock.systemUTC())), new GeocoderClient("http://" + options.host() + ":" + geocoder.port()), cache,
                HTTP_THREADS);
        Ports.SERVICES.forEach((name, port) -> services.add(new SandboxService(name, port + options.portOffset(), shared)));
        services.forEach(SandboxService::open);
        control = new ControlServer(options.host(), Ports.CONTROL + options.portOffset(), services, this::status);
        control.open();
        cache.awaitFirstAttempt(Duration.ofSeconds(3));
        String ports = services.stream().map(s -> s.name() + ":" + s.port()).collect(Collectors.joining(" "));
        System.out.println("sandbox ready: " + ports + " geocoder:" + geocoder.port() + " control:" + controlPort()
                + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
    }

    private DatabaseTarget openDatabase() {
        if (options.jdbcUrl() != null) {
            return new DatabaseTarget(options.jdbcUrl(), options.dbUser(), options.dbPassword());
        }
        embedded = EmbeddedPostgres.builder(options.dataDir())
                .port(options.dbPort() == 0 ? 0 : options.dbPort() + options.portOffset())
                .setting("max_connections", Integer.toString(options.maxConnections()))
                .start();
        embedded.ensureDatabase("nightbff");
        LOG.info("embedded PostgreSQL for NightBFF at {} (data in {})", embedded.jdbcUrl("nightbff"), options.dataDir());
        return new DatabaseTarget(embedded.jdbcUrl("nightbff"), embedded.user(), "");
    }

    private boolean seed() {
        String probePassword = Objects.requireNonNullElse(System.getenv(PROBE_PASSWORD_ENV), DEFAULT_PROBE_PASSWORD);
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            return Seeder.seed(c, Passwords.hash(probePassword), Passwords.hash(Seeder.BULK_PASSWORD),
                    stored -> Passwords.matches(probePassword, stored));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare NightBFF's database at " + database.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> status() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("geocoder", Map.of("port", geocoder.port(), "faults", geocoder.faults().active().size()));
        view.put("database", Map.of("jdbcUrl", database.jdbcUrl(), "embedded", embedded != null, "postgis", postgis));
        String reason = cache.unavailableReason();
        view.put("redis", reason == null ? Map.of("url", options.redisUrl(), "status", "connected")
                : Map.of("url", options.redisUrl(), "status", "uncached", "reason", reason));
        return view;
    }

    public int port(String service) {
        return Ports.SERVICES.get(service) + options.portOffset();
    }

    public int geocoderPort() {
        return Ports.GEOCODER + options.portOffset();
    }

    public int controlPort() {
        return Ports.CONTROL + options.portOffset();
    }

    public DatabaseTarget database() {
        return database;
    }

    public boolean postgis() {
        return postgis;
    }

    public List<SandboxService> services() {
        return services;
    }

    @Override
    public void close() {
        if (control != null) {
            control.close();
        }
        services.forEach(SandboxService::close);
        if (geocoder != null) {
            geocoder.close();
        }
        if (cache != null) {
            cache.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
