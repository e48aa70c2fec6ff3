package com.nightbff.nightwatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.nightbff.nightwatch.ledger.ChangeEvent;
import com.nightbff.nightwatch.ledger.ChangeLedger;
import com.nightbff.nightwatch.system.AuditLog;
import com.nightbff.nightwatch.system.NightwatchProperties;
import com.nightbff.nightwatch.testsupport.ContentRepoFixture;
import com.nightbff.nightwatch.testsupport.TestPlane;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The change ledger holds one entry per activation of a revision across the cluster: going back to an
 * earlier commit and forward again are changes, marked as such; replicas that follow, race to apply the
 * same tip or restart on it add nothing. Other replicas are catalogs on the same store and repository
 * whose events reach this plane's ledger, as their own ledgers would write to the shared database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class RevisionActivationsIT {

    private static final TestPlane PLANE = TestPlane.withValidContent("nw_it_activations");
    private static final ContentRepoFixture REPO = PLANE.content();
    private static final String BOB = "Bob <bob@nightbff.test>";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        PLANE.register(registry);
        // Only the test polls, so each step is one decision.
        registry.add("nightwatch.content.poll-interval", () -> "1h");
    }

    @AfterAll
    static void cleanUp() {
        PLANE.close();
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
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MockMvc mvc;

    @Test
    void rollingBackAndForwardAgainRecordsEachActivationOnce() throws Exception {
        long before = lastId();
        String initial = active();
        String a = REPO.write("deploy/auth.env", "DB_POOL_SIZE=8\n").commit("Pool 8", BOB);
        assertThat(poll()).isEqualTo(a);
        String b = REPO.write("deploy/auth.env", "DB_POOL_SIZE=9\n").commit("Pool 9", BOB);
        assertThat(poll()).isEqualTo(b);
        REPO.resetHard(a);
        assertThat(poll()).as("back to A").isEqualTo(a);
        REPO.resetHard(b);
        assertThat(poll()).as("forward to B again").isEqualTo(b);

        assertThat(activationsSince(before)).containsExactly(
                a + " first from " + initial,
                b + " first from " + a,
                a + " rollback from " + b,
                b + " roll_forward from " + a);
        assertThat(ledger.recent(4)).extracting(ChangeEvent::ref).as("newest first").containsExactly(b, a, b, a);
        ChangeEvent rollback = ledger.recent(2).get(1);
        assertThat(rollback.summary()).isEqualTo("Pool 8");
        assertThat(rollback.author()).isEqualTo(BOB);
        assertThat(rollback.files()).containsExactly("deploy/auth.env");

        String api = mvc.perform(get("/api/v1/changes?limit=2").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(api, "$.changes[*].activation")).containsExactly("roll_forward", "rollback");
        assertThat(JsonPath.<List<String>>read(api, "$.changes[*].previousRef")).containsExactly(a, b);
        String home = mvc.perform(get("/").with(user("viewer").roles("VIEWER"))).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("id=\"rollback-" + rollback.id() + "\"", "roll forward");

        // Polling the same tip again, and a restart resuming it, are no activation.
        assertThat(poll()).isEqualTo(b);
        ContentCatalog restarted = replica();
        restarted.start();
        assertThat(restarted.active().orElseThrow().revision().sha()).isEqualTo(b);
        assertThat(activationsSince(before)).hasSize(4);
    }

    @Test
    void replicasThatFollowRaceOrRestartAddNothing() throws Exception {
        String c = REPO.write("deploy/auth.env", "DB_POOL_SIZE=5\n").commit("Pool 5", BOB);
        assertThat(poll()).isEqualTo(c);
        String d = REPO.write("deploy/auth.env", "DB_POOL_SIZE=6\n").commit("Pool 6", BOB);
        assertThat(poll()).isEqualTo(d);
        long before = lastId();
        List<ContentCatalog> replicas = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ContentCatalog replica = replica();
            replica.start();
            assertThat(replica.active().orElseThrow().revision().sha()).isEqualTo(d);
            replicas.add(replica);
        }
        assertThat(activationsSince(before)).as("replicas starting on the active revision").isEmpty();

        // Back to C, and every replica polls at once: each sees a new tip and applies it.
        REPO.resetHard(c);
        List<ContentCatalog> racing = List.of(catalog, replicas.get(0), replicas.get(1), replicas.get(2));
        ExecutorService pool = Executors.newFixedThreadPool(racing.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ContentStatus>> polls = new ArrayList<>();
            for (ContentCatalog replica : racing) {
                polls.add(pool.submit(() -> {
                    go.await();
                    return replica.poll();
                }));
            }
            go.countDown();
            for (Future<ContentStatus> poll : polls) {
                assertThat(poll.get(30, TimeUnit.SECONDS).active().sha()).isEqualTo(c);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(activationsSince(before)).as("one rollback, whoever applied it").containsExactly(c + " rollback from " + d);

        ContentCatalog lagging = replicas.get(3);
        assertThat(follower(lagging).followOnce()).isTrue();
        assertThat(lagging.active().orElseThrow().revision().sha()).isEqualTo(c);
        // A follower that read the store just before the rollback loads D after it: the cluster did not go back to D.
        ContentCatalog stale = replica();
        stale.start();
        stale.follow(d);
        assertThat(stale.active().orElseThrow().revision().sha()).isEqualTo(d);
        replica().start();
        assertThat(activationsSince(before)).as("following, a stale follow and a restart").containsExactly(c + " rollback from " + d);

        // Forward again to D, applied by one replica: one entry, and the others following it add none.
        REPO.resetHard(d);
        assertThat(replicas.get(0).poll().active().sha()).isEqualTo(d);
        assertThat(follower(catalog).followOnce()).isTrue();
        assertThat(follower(lagging).followOnce()).isTrue();
        assertThat(activationsSince(before)).containsExactly(c + " rollback from " + d, d + " roll_forward from " + c);
    }

    private ContentCatalog replica() {
        return new ContentCatalog(catalog.repository(), loader, new ContentRevisionStore(jdbc),
                new ContentMetrics(new PrometheusRegistry()), events, audit, Clock.systemUTC());
    }

    private ContentFollower follower(ContentCatalog replica) {
        return new ContentFollower(replica, new ContentRevisionStore(jdbc), new NightwatchProperties(".",
                new NightwatchProperties.Content("", "main", Duration.ofSeconds(1), ".", "", ""),
                new NightwatchProperties.Security(List.of(), 10, Duration.ofMinutes(5))));
    }

    private String poll() {
        return catalog.poll().active().sha();
    }

    private String active() {
        return catalog.active().orElseThrow().revision().sha();
    }

    private long lastId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM change_event").query(Long.class).single();
    }

    /** Config-commit entries after {@code id}, oldest first, as "ref activation from previous-ref". */
    private List<String> activationsSince(long id) {
        return jdbc.sql("SELECT ref || ' ' || activation || ' from ' || coalesce(previous_ref, '-') FROM change_event "
                        + "WHERE kind = ? AND id > ? ORDER BY id")
                .params(ChangeEvent.CONFIG_COMMIT, id).query(String.class).list();
    }
}
