package com.nightbff.nightwatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nightbff.nightwatch.ledger.ChangeEvent;
import com.nightbff.nightwatch.system.AuditLog;
import com.nightbff.nightwatch.system.NightwatchProperties;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import com.nightbff.nightwatch.ledger.ChangeLedger;
import com.nightbff.nightwatch.testsupport.ConsoleClient;
import com.nightbff.nightwatch.testsupport.ContentRepoFixture;
import com.nightbff.nightwatch.testsupport.LocalPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The plane against the local PostgreSQL, polling a git repository the test commits to. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ContentApplyIT {

    private static final String DB = LocalPostgres.createDatabase("nw_it_content");
    private static final ContentRepoFixture REPO = ContentRepoFixture.fromCase("valid");
    private static final String PASSWORD = "it-admin-password-1";
    private static java.nio.file.Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.datasource.url", () -> DB);
        registry.add("spring.datasource.username", () -> LocalPostgres.USER);
        registry.add("nightwatch.content.uri", () -> REPO.dir().toString());
        registry.add("nightwatch.content.poll-interval", () -> "1s");
        dataDir = Files.createTempDirectory("nw-data");
        registry.add("nightwatch.data-dir", dataDir::toString);
        registry.add("NIGHTWATCH_ADMIN_PASSWORD", () -> PASSWORD);
    }

    @AfterAll
    static void dropDatabase() {
        REPO.close();
        LocalPostgres.dropDatabase(DB);
    }

    @Autowired
    ContentCatalog catalog;
    @Autowired
    ChangeLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BundleLoader loader;
    @Autowired
    AuditLog audit;
    @LocalServerPort
    int port;

    @Test
    void appliesValidCommitsRejectsInvalidOnesAndKeepsTheLastGoodSnapshotRunning() {
        String initial = catalog.active().orElseThrow().revision().sha();
        assertThat(initial).hasSize(40);
        ConsoleClient console = new ConsoleClient(port);
        assertThat(console.login("admin", PASSWORD)).endsWith("/");

        String good = REPO.write("deploy/auth.env", "DB_POOL_SIZE=8\n").commit("Shrink auth pool", "Bob <bob@nightbff.test>");
        await().atMost(Duration.ofSeconds(20)).until(() -> catalog.active().orElseThrow().revision().sha().equals(good));
        assertThat(catalog.active().orElseThrow().deploy().poolSize("auth")).contains(8);
        // The snapshot is active before the features (ledger, applied env files) have taken the event.
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.recent(1).get(0).ref().equals(good));
        ChangeEvent change = ledger.recent(10).get(0);
        assertThat(change.kind()).isEqualTo(ChangeEvent.CONFIG_COMMIT);
        assertThat(change.ref()).isEqualTo(good);
        assertThat(change.author()).isEqualTo("Bob <bob@nightbff.test>");
        assertThat(change.summary()).isEqualTo("Shrink auth pool");
        assertThat(change.files()).containsExactly("deploy/auth.env");
        assertThat(metric()).contains("nightwatch_content_last_apply_success 1.0");
        await().atMost(Duration.ofSeconds(10)).until(() -> appliedDeployFile("auth.env").equals("DB_POOL_SIZE=8\n"));

        String bad = REPO.write("deploy/auth.env", "DB_POOL_SIZE=30\n")
                .write("fleet.yaml", REPO.read("fleet.yaml").replace("replicas: 1", "replicas: two"))
                .commit("Break the fleet", "Mallory <mallory@nightbff.test>");
        await().atMost(Duration.ofSeconds(20)).until(() -> catalog.status().rejected() != null);
        assertThat(appliedDeployFile("auth.env")).as("a rejected revision's env files reach nobody").isEqualTo("DB_POOL_SIZE=8\n");
        ContentStatus status = catalog.status();
        assertThat(status.rejected().sha()).isEqualTo(bad);
        assertThat(status.active().sha()).isEqualTo(good);
        assertThat(catalog.active().orElseThrow().revision().sha()).isEqualTo(good);
        assertThat(status.problems()).extracting(p -> p.format()).containsExactly(
                "fleet.yaml:9:15: services[0].replicas: wrong_type: expected an integer, got a string ('two')");
        assertThat(metric()).contains("nightwatch_content_last_apply_success 0.0", "nightwatch_content_problems 1.0");
        assertThat(ledger.recent(10)).extracting(ChangeEvent::ref).doesNotContain(bad);
        String home = console.get("/").body();
        assertThat(home).contains("id=\"content-rejected\"", bad.substring(0, 10),
                "fleet.yaml:9:15: services[0].replicas: wrong_type: expected an integer, got a string (&#39;two&#39;)");
        assertThat(console.get("/actuator/health").body()).contains("\"content\"");
        PrometheusRegistry restartedMetrics = new PrometheusRegistry();
        ContentCatalog restarted = new ContentCatalog(catalog.repository(), loader, new ContentRevisionStore(jdbc),
                new ContentMetrics(restartedMetrics), event -> { }, audit, Clock.systemUTC());
        // Quartz fires the poll job before the start-up runner resumes; that poll must not judge the tip.
        assertThat(restarted.poll().rejected()).isNull();
        assertThat(gauge(restartedMetrics, "nightwatch_content_last_apply_success")).isNaN();
        restarted.start();
        assertThat(restarted.active().orElseThrow().revision().sha()).as("a restart resumes the last good revision").isEqualTo(good);
        assertThat(restarted.status().rejected().sha()).isEqualTo(bad);
        assertThat(gauge(restartedMetrics, "nightwatch_content_last_apply_success")).as("the newest revision is still rejected")
                .isZero();
        restarted.poll();
        assertThat(gauge(restartedMetrics, "nightwatch_content_last_apply_success")).isZero();

        String fixed = REPO.write("fleet.yaml", REPO.read("fleet.yaml").replace("replicas: two", "replicas: 2"))
                .commit("Fix the fleet", "Bob <bob@nightbff.test>");
        await().atMost(Duration.ofSeconds(20)).until(() -> catalog.active().orElseThrow().revision().sha().equals(fixed));
        assertThat(catalog.status().rejected()).isNull();
        assertThat(metric()).contains("nightwatch_content_last_apply_success 1.0");
        await().atMost(Duration.ofSeconds(10)).until(() -> appliedDeployFile("auth.env").equals("DB_POOL_SIZE=30\n"));
        assertThat(console.get("/").body()).doesNotContain("id=\"content-rejected\"");
        assertThat(jdbc.sql("SELECT sha || ':' || status FROM content_revision ORDER BY evaluated_at").query(String.class).list())
                .containsSubsequence(initial + ":applied", good + ":applied", bad + ":rejected", fixed + ":applied");
    }

    @Test
    void aReplicaThatDidNotWinThePollTriggerFollowsTheRevisionAnotherReplicaApplied() {
        ContentCatalog replica = new ContentCatalog(catalog.repository(), loader, new ContentRevisionStore(jdbc),
                new ContentMetrics(new PrometheusRegistry()), event -> { }, audit, Clock.systemUTC());
        replica.start();
        ContentFollower follower = new ContentFollower(replica, new ContentRevisionStore(jdbc), new NightwatchProperties(".",
                new NightwatchProperties.Content("", "main", Duration.ofSeconds(1), ".", "", ""),
                new NightwatchProperties.Security(List.of(), 10, Duration.ofMinutes(5))));
        assertThat(follower.followOnce()).as("nothing to follow while in step").isFalse();

        String next = REPO.write("deploy/auth.env", "DB_POOL_SIZE=6\n").commit("Pool 6", "Bob <bob@nightbff.test>");
        await().atMost(Duration.ofSeconds(20)).until(() -> catalog.active().orElseThrow().revision().sha().equals(next));

        assertThat(follower.followOnce()).isTrue();
        assertThat(replica.active().orElseThrow().revision().sha()).isEqualTo(next);
        assertThat(replica.active().orElseThrow().deploy().poolSize("auth")).contains(6);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'content.apply' AND target = ?").param(next)
                .query(Long.class).single()).as("applied and audited once, by the replica that won the poll").isEqualTo(1);
    }

    @Test
    void anAppliedRevisionAFeatureFailedToTakeIsOfferedAgainOnTheNextPoll() {
        java.util.List<Object> delivered = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean failNext = new java.util.concurrent.atomic.AtomicBoolean(false);
        ContentCatalog replica = new ContentCatalog(catalog.repository(), loader, new ContentRevisionStore(jdbc),
                new ContentMetrics(new PrometheusRegistry()), event -> {
                    if (failNext.getAndSet(false)) {
                        throw new IllegalStateException("probe schedule store down");
                    }
                    delivered.add(event);
                }, audit, Clock.systemUTC());
        replica.start();
        // A restart hands the features the revision it resumed, marked so the ledger does not record it twice.
        assertThat(delivered).singleElement().isInstanceOfSatisfying(ContentApplied.class, e -> {
            assertThat(e.origin()).isEqualTo(ContentApplied.Origin.RESUMED);
            assertThat(e.revision().sha()).isEqualTo(catalog.active().orElseThrow().revision().sha());
            assertThat(e.snapshot()).isNotNull();
        });
        delivered.clear();

        String next = REPO.write("deploy/auth.env", "DB_POOL_SIZE=4\n").commit("Pool 4", "Bob <bob@nightbff.test>");
        failNext.set(true);
        ContentStatus afterFailure = replica.poll();
        assertThat(replica.active().orElseThrow().revision().sha()).isEqualTo(next);
        assertThat(afterFailure.sourceError()).contains("not yet applied everywhere", "probe schedule store down");
        assertThat(delivered).isEmpty();

        ContentStatus retried = replica.poll();
        assertThat(retried.sourceError()).isNull();
        assertThat(delivered).singleElement().isInstanceOfSatisfying(ContentApplied.class,
                e -> assertThat(e.revision().sha()).isEqualTo(next));
        assertThat(((ContentApplied) delivered.get(0)).origin()).isEqualTo(ContentApplied.Origin.APPLIED);
    }

    @Test
    void aReplicaWhoseRulesRejectTheAppliedRevisionShowsWhyButLeavesTheClustersRecord() {
        String applied = catalog.active().orElseThrow().revision().sha();
        // A newer version with a rule the applied revision predates.
        TestModule stricter = new TestModule("stricter", problems -> {
            problems.add(com.nightbff.nightwatch.spec.SourcePosition.startOf("fleet.yaml"), "$", "new_rule", "fails the new rule", null);
            return "";
        });
        ContentCatalog newer = new ContentCatalog(catalog.repository(), new BundleLoader(stricter.afterDefaults(), Clock.systemUTC()),
                new ContentRevisionStore(jdbc), new ContentMetrics(new PrometheusRegistry()), event -> { }, audit, Clock.systemUTC());

        ContentStatus status = newer.start();

        assertThat(newer.active()).isEmpty();
        assertThat(status.rejected().sha()).isEqualTo(applied);
        assertThat(status.problems()).extracting(com.nightbff.nightwatch.spec.SpecProblem::code).containsExactly("new_rule");
        assertThat(jdbc.sql("SELECT status FROM content_revision WHERE sha = ?").param(applied).query(String.class).single())
                .as("the cluster's record of the revision it runs").isEqualTo("applied");
        assertThat(catalog.active().orElseThrow().revision().sha()).isEqualTo(applied);
    }

    private static String appliedDeployFile(String name) {
        try {
            return Files.readString(dataDir.resolve("applied/deploy").resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double gauge(PrometheusRegistry registry, String name) {
        return registry.scrape().stream().filter(m -> m.getMetadata().getPrometheusName().equals(name))
                .map(m -> ((io.prometheus.metrics.model.snapshots.GaugeSnapshot) m).getDataPoints().get(0).getValue())
                .findFirst().orElseThrow();
    }

    private String metric() {
        return new ConsoleClient(port).get("/actuator/prometheus").body();
    }
}
