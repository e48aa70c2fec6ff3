package com.nightbff.nightwatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.nightbff.nightwatch.api.ApiTokens;
import com.nightbff.nightwatch.probes.ProbeFixtures;
import com.nightbff.nightwatch.probes.ProbesModule;
import com.nightbff.nightwatch.system.AuditLog;
import com.nightbff.nightwatch.testsupport.Awaits;
import com.nightbff.nightwatch.testsupport.ContentRepoFixture;
import com.nightbff.nightwatch.testsupport.LocalPostgres;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The plane restarted without a secret that the revision it had applied uses: an earlier run, whose
 * environment had it, applied the revision (the store says so); this one's environment lacks it. The
 * revision must resume, the probe needing no secret keep running, the one needing it fail with
 * secret_missing, and the console, API, health and metrics say which secret is missing; a new
 * commit using the missing secret is still rejected.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MissingSecretRestartIT {

    /** Never set where the tests run (see the failsafe configuration): the secret this restart lacks. */
    private static final String ABSENT = "NW_IT_ABSENT_SECRET";
    private static final String DB = LocalPostgres.createDatabase("nw_it_restart");
    private static final ContentRepoFixture REPO = ContentRepoFixture.fromCase("valid");
    private static HttpServer target;
    private static String applied;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/", ex -> ProbeFixtures.reply(ex, 200, "{\"status\":\"ok\"}"));
        target.start();
        String base = "http://127.0.0.1:" + target.getAddress().getPort();
        applied = REPO.write("fleet.yaml", ProbeFixtures.fleet(base, "")).write("deploy/web.env", "DB_POOL_SIZE=5\n")
                .write("probes/web.yaml", ProbeFixtures.healthProbe("2s", "2s") + "---\n"
                        + ProbeFixtures.loginProbe("2s", "2s").replace("NW_IT_SECRET", ABSENT))
                .commit("Probe web", "Alice <alice@nightbff.test>");
        // What the run before the restart left behind: the schema, and this revision recorded as applied.
        var dataSource = new DriverManagerDataSource(DB, LocalPostgres.USER, LocalPostgres.PASSWORD);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        new ContentRevisionStore(JdbcClient.create(dataSource)).applied(
                new ContentRevision(applied, "Alice <alice@nightbff.test>", "Probe web", Instant.now()), Instant.now());
        registry.add("spring.datasource.url", () -> DB);
        registry.add("spring.datasource.username", () -> LocalPostgres.USER);
        registry.add("nightwatch.content.uri", () -> REPO.dir().toString());
        registry.add("nightwatch.content.poll-interval", () -> "1h");
        String dataDir = Files.createTempDirectory("nw-restart-data").toString();
        registry.add("nightwatch.data-dir", () -> dataDir);
    }

    @AfterAll
    static void cleanUp() {
        target.stop(0);
        REPO.close();
        LocalPostgres.dropDatabase(DB);
    }

    @Autowired
    ContentCatalog catalog;
    @Autowired
    ApiTokens tokens;
    @Autowired
    MockMvc mvc;
    @Autowired
    ContentFollower follower;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    private static final String WARNING = "probes/web.yaml:19:66: spec.steps[0].request.json: secret_missing: secret " + ABSENT
            + " is not set in the environment, or is empty (hint: export " + ABSENT
            + " (not empty) where Nightwatch runs, then restart it; secrets never live in content)";

    @Test
    @Order(1)
    void theAppliedRevisionResumesAndOnlyTheProbesNeedingTheMissingSecretFail() throws Exception {
        assertThat(System.getenv(ABSENT)).as("the secret this test is about").isNull();
        ContentStatus status = catalog.status();
        assertThat(status.active().sha()).as("resumed, not deactivated").isEqualTo(applied);
        assertThat(status.rejected()).isNull();
        assertThat(status.warnings()).extracting(p -> p.format()).containsExactly(WARNING);

        Awaits.within(() -> scrape().contains("probe_success{probe=\"web-health\",service=\"web\",step=\"all\"} 1.0")
                && scrape().contains("nightwatch_probe_runs_total{probe=\"web-login\",reason=\"secret_missing\",result=\"failure\""),
                Duration.ofSeconds(15));
        String metrics = scrape();
        assertThat(metrics).contains("probe_success{probe=\"web-login\",service=\"web\",step=\"login\"} 0.0",
                "nightwatch_content_warnings 1.0", "nightwatch_content_last_apply_success 1.0");

        // The page reads stored runs, which the result writer stores a moment after the metrics have them.
        Awaits.within(() -> page("/probes").contains("failed at login: secret_missing"), Duration.ofSeconds(10));
        String probes = page("/probes");
        assertThat(probes).contains("id=\"content-warnings\"", "runs with warnings", ABSENT, "id=\"probe-web-health\"",
                "failed at login: secret_missing").doesNotContain("No content is active");
        String health = mvc.perform(get("/actuator/health").with(user("viewer").roles("VIEWER"))).andReturn().getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(health, "$.components.content.status")).isEqualTo("UP");
        assertThat((List<String>) JsonPath.read(health, "$.components.content.details.warnings")).containsExactly(WARNING);
        String content = api("/api/v1/content");
        assertThat((String) JsonPath.read(content, "$.active.sha")).isEqualTo(applied);
        assertThat((List<String>) JsonPath.read(content, "$.warnings")).containsExactly(WARNING);
        assertThat((Boolean) JsonPath.read(content, "$.healthy")).as("not everything runs").isFalse();
    }

    @Test
    @Order(2)
    void aNewCommitUsingTheMissingSecretIsStillRejectedAndTheResumedRevisionKeepsRunning() {
        String next = REPO.write("probes/web.yaml", REPO.read("probes/web.yaml").replace("interval: 2s", "interval: 3s"))
                .commit("Slower probes", "Bob <bob@nightbff.test>");

        ContentStatus status = catalog.poll();

        assertThat(status.rejected().sha()).isEqualTo(next);
        assertThat(status.problems()).extracting(p -> p.code()).containsExactly("secret_missing");
        assertThat(status.active().sha()).isEqualTo(applied);
        assertThat(status.warnings()).hasSize(1);
        REPO.resetHard(applied);
        assertThat(catalog.poll().rejected()).isNull();
    }

    @Test
    @Order(3)
    void aRevisionAReplicaWithTheSecretAppliedIsFollowedWithTheSameWarning() {
        BundleLoader withSecret = new BundleLoader(List.of(new FleetModule(), new DeployEnvironmentModule(),
                new ProbesModule(Map.of(ABSENT, "s3cret-elsewhere")::get)), Clock.systemUTC());
        ContentCatalog other = new ContentCatalog(catalog.repository(), withSecret, new ContentRevisionStore(jdbc),
                new ContentMetrics(new PrometheusRegistry()), event -> { }, audit, Clock.systemUTC());
        other.start();
        String next = REPO.write("probes/web.yaml", REPO.read("probes/web.yaml").replace("interval: 2s", "interval: 4s"))
                .commit("Probe every 4 s", "Bob <bob@nightbff.test>");
        assertThat(other.poll().active().sha()).as("applied where the secret is set").isEqualTo(next);

        assertThat(follower.followOnce()).isTrue();

        assertThat(catalog.active().orElseThrow().revision().sha()).isEqualTo(next);
        assertThat(catalog.status().warnings()).extracting(p -> p.code()).containsExactly("secret_missing");
    }

    private String scrape() {
        try {
            return mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String page(String path) {
        try {
            return mvc.perform(get(path).with(user("viewer").roles("VIEWER"))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String api(String path) throws Exception {
        String token = tokens.create("ci-" + System.nanoTime(), "VIEWER", null, "it").value();
        return mvc.perform(get(path).header("Authorization", "Bearer " + token)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
