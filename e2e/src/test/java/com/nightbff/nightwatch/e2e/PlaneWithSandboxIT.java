package com.nightbff.nightwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plane in its zero-config shape (embedded store, content seeded from a checkout) probing the
 * sandbox, both started from their jars. The checkout is this repository's content with every
 * port moved by {@value #OFFSET} and probe intervals shortened, so the test runs beside a demo.
 */
class PlaneWithSandboxIT {

    static final int OFFSET = 2000;
    static final Duration INTERVAL = Duration.ofSeconds(4);
    /**
     * The "red within one interval", measured on the plane's own record: the first failed run
     * starts at most an interval after the fault, plus this for Quartz's firing lag on a busy CI box.
     * How long the run, the metrics and the page then take is waited for apart, generously.
     */
    static final Duration SCHEDULE_SLACK = Duration.ofMillis(1500);
    static final Duration SHOWN = Duration.ofSeconds(30);
    private static final Pattern FAILED_AT = Pattern.compile("<time class=\"failed-at\" datetime=\"([^\"]+)\"");
    static final String ADMIN_PASSWORD = "e2e-admin-" + UUID.randomUUID();
    static final String PROBE_PASSWORD = "e2e-probe-" + UUID.randomUUID();
    private static final Pattern SERIES = Pattern.compile("^(probe_success)\\{([^}]*)} ([0-9.eE+-]+|NaN)$", Pattern.MULTILINE);
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static JavaProcess plane;
    static JavaProcess sandbox;
    static String planeUrl;
    static Path dataDir;
    static Path work;
    static final Http HTTP = new Http();

    @BeforeAll
    static void start() throws Exception {
        // Open to the unprivileged user the embedded servers run as, so their data stays in here (not in a
        // folder of its own under /var/tmp) and goes when the test ends.
        work = Files.createTempDirectory("nw-e2e", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path checkout = work.resolve("checkout");
        copyContent(checkout);
        dataDir = work.resolve("data");
        int port = freePort();
        planeUrl = "http://127.0.0.1:" + port;
        Map<String, String> env = Map.of("PROBE_USER_EMAIL", "probe@nightbff.test", "PROBE_USER_PASSWORD", PROBE_PASSWORD,
                "SANDBOX_PROBE_PASSWORD", PROBE_PASSWORD, "NIGHTWATCH_ADMIN_PASSWORD", ADMIN_PASSWORD);
        plane = JavaProcess.start("plane", ROOT.resolve("control-plane/target/nightwatch.jar"), List.of("run",
                "--server.port=" + port, "--nightwatch.data-dir=" + dataDir, "--nightwatch.content.seed-dir=" + checkout,
                "--nightwatch.content.poll-interval=2s"), env, work);
        sandbox = JavaProcess.start("sandbox", ROOT.resolve("sandbox/target/sandbox.jar"), List.of(
                "--env-dir", dataDir.resolve("applied/deploy").toString(), "--data-dir", work.resolve("sandbox").toString(),
                "--port-offset", Integer.toString(OFFSET), "--redis-url", "redis://127.0.0.1:6379/6",
                "--redis-prefix", "e2e-" + UUID.randomUUID() + ":"), env, work);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).failFast(() -> !plane.alive() || !sandbox.alive())
                .until(() -> HTTP.get(planeUrl + "/actuator/health").body().contains("\"content\":{\"status\":\"UP\"")
                        && sandbox.output().contains("sandbox ready"));
        HTTP.login(planeUrl, "admin", ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (plane != null) {
            plane.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (work != null && plane != null && !plane.alive() && sandbox != null && !sandbox.alive()) {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @AfterEach
    void clearFaults() {
        for (int port = 3010; port <= 3017; port++) {
            HTTP.delete(sandboxUrl(port) + "/_sandbox/faults");
        }
        HTTP.delete(sandboxUrl(3020) + "/_sandbox/faults");
        HTTP.put(sandboxUrl(3014) + "/_sandbox/cache", "{\"mode\": \"ok\"}");
        HTTP.put(sandboxUrl(3029) + "/_sandbox/listen", "{\"open\": true}");
    }

    @Test
    void theJourneysAndEveryReachabilityProbeRunGreenOnSchedule() {
        awaitProbe("all journeys green", Duration.ofSeconds(90), s -> List.of("auth-login", "plan-creation", "interests",
                "venue-search", "reachability-auth", "reachability-user", "reachability-plan", "reachability-event",
                "reachability-interest", "reachability-venue", "reachability-chat", "reachability-notification").stream()
                .allMatch(p -> "1".equals(s.get(p + "/all"))));
        String page = HTTP.get(planeUrl + "/probes").body();
        assertThat(page).contains("plan-creation", "reachability-notification");
    }

    @Test
    void aFailingGeocoderTurnsTheCreatePlanStepRedWithinAnInterval() {
        awaitProbe("plan creation green first", Duration.ofSeconds(90), s -> "1".equals(s.get("plan-creation/all")));
        assertThat(HTTP.put(sandboxUrl(3020) + "/_sandbox/faults", "{\"errorRate\": 1.0}").status()).isBetween(200, 299);
        Instant faultAt = Instant.now();

        awaitProbe("create-plan red", SHOWN, s -> "0".equals(s.get("plan-creation/create-plan"))
                && "1".equals(s.get("plan-creation/login")));
        assertRedWithinAnInterval("/probes/plan-creation", faultAt, "create-plan", "<span class=\"bad-text\">status</span>");
    }

    @Test
    void aClosedPortTurnsReachabilityRedWithConnectRefusedUntilReopened() {
        awaitProbe("auth reachable first", Duration.ofSeconds(90), s -> "1".equals(s.get("reachability-auth/all")));
        assertThat(HTTP.put(sandboxUrl(3010) + "/_sandbox/listen", "{\"open\": false}").status()).isBetween(200, 299);
        Instant faultAt = Instant.now();

        awaitProbe("auth unreachable", SHOWN, s -> "0".equals(s.get("reachability-auth/all")));
        // A run caught mid-close may time out instead; a later one must say connection refused.
        assertRedWithinAnInterval("/probes/reachability-auth", faultAt, "<span class=\"bad-text\">connect_refused</span>");

        assertThat(HTTP.put(sandboxUrl(3029) + "/_sandbox/listen", "{\"open\": true}").status()).isBetween(200, 299);
        awaitProbe("auth reachable again", SHOWN, s -> "1".equals(s.get("reachability-auth/all")));
    }

    @Test
    void aCacheThatNeverHitsFailsTheCachedRecommendationsStep() {
        awaitProbe("interests green first", Duration.ofSeconds(90), s -> "1".equals(s.get("interests/all")));
        assertThat(HTTP.put(sandboxUrl(3014) + "/_sandbox/cache", "{\"mode\": \"wrapped\"}").status()).isBetween(200, 299);
        Instant faultAt = Instant.now();

        awaitProbe("cached step red", SHOWN, s -> "0".equals(s.get("interests/recommendations-cached"))
                && "1".equals(s.get("interests/recommendations-warm")));
        assertRedWithinAnInterval("/probes/interests", faultAt, "recommendations-cached", "<span class=\"bad-text\">assertion</span>");
    }

    @Test
    void aCommittedPoolSizeReachesTheRunningSandboxWithoutARestart() throws Exception {
        Path repo = dataDir.resolve("content");
        Files.writeString(repo.resolve("deploy/venue.env"), Files.readString(repo.resolve("deploy/venue.env"))
                .replace("DB_POOL_SIZE=50", "DB_POOL_SIZE=7"));
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern("deploy/venue.env").call();
            PersonIdent sre = new PersonIdent("SRE", "sre@nightbff.test");
            git.commit().setAuthor(sre).setCommitter(sre).setSign(false).setMessage("Venue pool 7").call();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> HTTP.get(sandboxUrl(3029) + "/_sandbox/status").body()
                .matches("(?s).*\"venue\".*?\"poolMax\"\\s*:\\s*7\\b.*"));
        await().atMost(Duration.ofSeconds(20)).until(() -> HTTP.get(planeUrl + "/").body().contains("Venue pool 7"));
    }

    /**
     * The console (stored results, flushed in batches every 200 ms) shows the failure, and the first failed
     * run it lists that started after the fault started within an interval of it.
     */
    private static void assertRedWithinAnInterval(String path, Instant faultAt, String... texts) {
        String[] page = {""};
        await(path + " shows " + String.join(", ", texts)).atMost(SHOWN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    page[0] = HTTP.get(planeUrl + path).body();
                    return java.util.Arrays.stream(texts).allMatch(page[0]::contains) && !failedAfter(page[0], faultAt).isEmpty();
                });
        Instant first = failedAfter(page[0], faultAt).get(0);
        System.out.printf("%s: first failed run started %d ms after the fault%n", path, Duration.between(faultAt, first).toMillis());
        assertThat(Duration.between(faultAt, first)).as("first failed run of %s after the fault at %s: %s", path, faultAt, first)
                .isLessThanOrEqualTo(INTERVAL.plus(SCHEDULE_SLACK));
    }

    /** Start times of the failed runs a probe page lists, from the fault on, oldest first. */
    private static List<Instant> failedAfter(String page, Instant faultAt) {
        Matcher m = FAILED_AT.matcher(page);
        List<Instant> out = new java.util.ArrayList<>();
        while (m.find()) {
            Instant at = Instant.parse(m.group(1));
            if (!at.isBefore(faultAt)) {
                out.add(at);
            }
        }
        out.sort(null);
        return out;
    }

    private static void awaitProbe(String what, Duration atMost, java.util.function.Predicate<Map<String, String>> condition) {
        try {
            long t0 = System.nanoTime();
            await(what).atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> condition.test(series()));
            System.out.printf("%s after %d ms%n", what, (System.nanoTime() - t0) / 1_000_000);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + " not reached; probe_success = " + series() + "\n" + plane.tail() + "\n" + sandbox.tail(), e);
        }
    }

    /** probe_success by "probe/step", with values as "1", "0" or "NaN". */
    static Map<String, String> series() {
        Map<String, String> out = new TreeMap<>();
        Matcher m = SERIES.matcher(HTTP.get(planeUrl + "/actuator/prometheus").body());
        while (m.find()) {
            String labels = m.group(2);
            String value = m.group(3).replace(".0", "");
            out.put(label(labels, "probe") + "/" + label(labels, "step"), value);
        }
        return out;
    }

    private static String label(String labels, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "?";
    }

    static String sandboxUrl(int port) {
        return "http://127.0.0.1:" + (port + OFFSET);
    }

    private static void copyContent(Path checkout) throws IOException {
        for (String root : List.of("fleet.yaml", "deploy", "probes", "runbooks", "alert-rules")) {
            Path from = ROOT.resolve(root);
            if (!Files.exists(from)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path to = checkout.resolve(ROOT.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.writeString(to, shifted(Files.readString(f)));
                }
            }
        }
    }

    /** Moves the sandbox's ports (HTTP 30xx, database 5499) by the offset and shortens probe schedules. */
    private static String shifted(String text) {
        Matcher m = Pattern.compile("127\\.0\\.0\\.1:(30\\d\\d|5499)\\b").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "127.0.0.1:" + (Integer.parseInt(m.group(1)) + OFFSET));
        }
        m.appendTail(out);
        return out.toString().replaceAll("(?m)^  interval: \\d+s$", "  interval: " + INTERVAL.toSeconds() + "s")
                .replaceAll("(?m)^  timeout: \\d+s$", "  timeout: " + INTERVAL.toSeconds() + "s")
                .replaceAll("(?m)^      timeout: \\d+s$", "      timeout: 3s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
