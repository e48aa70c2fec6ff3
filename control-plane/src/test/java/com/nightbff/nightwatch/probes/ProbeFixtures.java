package com.nightbff.nightwatch.probes;

import com.nightbff.nightwatch.catalog.BundleLoader;
import com.nightbff.nightwatch.catalog.ContentRevision;
import com.nightbff.nightwatch.catalog.ContentSource;
import com.nightbff.nightwatch.catalog.DeployEnvironmentModule;
import com.nightbff.nightwatch.catalog.FleetModule;
import com.nightbff.nightwatch.spec.SpecProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Builds bundles with one service ("web" at a given base URL) and some probe files, and loads them. */
public final class ProbeFixtures {

    public static final Map<String, String> ENV = Map.of("PROBE_USER_EMAIL", "probe@nightbff.test",
            "PROBE_USER_PASSWORD", "s3cr3t-Pa55word!");

    private ProbeFixtures() {
    }

    public static String fleet(String baseUrl, String extra) {
        return """
                apiVersion: nightwatch/v1
                kind: Fleet
                databases:
                  - name: db
                    maxConnections: 100
                services:
                  - name: web
                    baseUrl: %s
                    database: db
                    dependencies: [geocoding]
                    pool: {file: deploy/web.env}
                dependencies:
                  - name: geocoding
                    baseUrl: http://127.0.0.1:3020
                %s
                """.formatted(baseUrl, extra);
    }

    /** A content folder for the plane to seed from: service "web" at baseUrl, its env file, and one probe file. */
    public static Path seedFolder(String baseUrl, String probeYaml) throws IOException {
        return seedFolder(Files.createTempDirectory("nw-seed"), baseUrl, probeYaml);
    }

    /** The same, written into a given folder. */
    public static Path seedFolder(Path seed, String baseUrl, String probeYaml) throws IOException {
        Files.createDirectories(seed.resolve("deploy"));
        Files.createDirectories(seed.resolve("probes"));
        Files.writeString(seed.resolve("fleet.yaml"), fleet(baseUrl, ""));
        Files.writeString(seed.resolve("deploy/web.env"), "DB_POOL_SIZE=5\n");
        Files.writeString(seed.resolve("probes/web.yaml"), probeYaml);
        return seed;
    }

    public static MapContentSource bundle(String baseUrl, String extraFleet) {
        return new MapContentSource().put("fleet.yaml", fleet(baseUrl, extraFleet)).put("deploy/web.env", "DB_POOL_SIZE=5\n");
    }

    public static BundleLoader.Result load(ContentSource source, Map<String, String> env) {
        return new BundleLoader(List.of(new FleetModule(), new DeployEnvironmentModule(), new ProbesModule(env::get)),
                Clock.systemUTC()).load(source, new ContentRevision(ContentRevision.WORKING_TREE, null, null, null));
    }

    /** The probes of a bundle that must be valid; fails with every problem otherwise. */
    public static Probes probes(ContentSource source) {
        BundleLoader.Result result = load(source, ENV);
        if (!result.valid()) {
            throw new AssertionError(String.join("\n", result.problems().stream().map(SpecProblem::format).toList()));
        }
        return result.snapshot().section(Probes.class).orElseThrow();
    }

    public static List<String> problems(ContentSource source) {
        return load(source, ENV).problems().stream().map(SpecProblem::format).toList();
    }

    /** {@code web-health}: one GET of web's /health every {@code interval}. */
    public static String healthProbe(String interval, String timeout) {
        return """
                apiVersion: nightwatch/v1
                kind: Probe
                metadata: {name: web-health, service: web}
                spec:
                  interval: %s
                  timeout: %s
                  steps:
                    - name: health
                      request: {url: "${service:web}/health"}
                """.formatted(interval, timeout);
    }

    /** {@code web-login}: POSTs the secret NW_IT_SECRET to web's /login and expects a 200. */
    public static String loginProbe(String interval, String timeout) {
        return """
                apiVersion: nightwatch/v1
                kind: Probe
                metadata: {name: web-login, service: web}
                spec:
                  interval: %s
                  timeout: %s
                  steps:
                    - name: login
                      request: {method: POST, url: "${service:web}/login", json: {pin: "${secret:NW_IT_SECRET}"}}
                      expect: {status: 200}
                """.formatted(interval, timeout);
    }

    /** Answers a test target's exchange with a status and a body. */
    public static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    /** Probe {@code p} of service web (every 10 s, 2 s budget) up to {@code steps:}; the steps follow, indented by four. */
    public static final String PROBE_P = """
                apiVersion: nightwatch/v1
                kind: Probe
                metadata: {name: p, service: web}
                spec:
                  interval: 10s
                  timeout: 2s
                  steps:
                """;

    /** A one-step GET probe of web, with the given extra step fields and expectations. */
    public static String getProbe(String path, String stepExtra) {
        return PROBE_P + """
                    - name: s
                      request: {url: "${service:web}%s"}
                %s""".formatted(path, stepExtra);
    }
}
