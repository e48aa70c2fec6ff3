package com.nightbff.nightwatch.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.nightbff.nightwatch.catalog.ContentCatalog;
import com.nightbff.nightwatch.probes.internal.ProbeJob;
import com.nightbff.nightwatch.probes.internal.ProbeScheduler;
import com.nightbff.nightwatch.probes.internal.ResultStore;
import com.nightbff.nightwatch.testsupport.Awaits;
import com.nightbff.nightwatch.testsupport.TestPlane;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A replica started with probes disabled, sharing its database with replicas that run them: it lists
 * the active content's probes with the results the others stored, follows content changes, schedules
 * and runs nothing, and says why when asked to run one.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProbesDisabledReplicaIT {

    private static final TestPlane PLANE = TestPlane.withValidContent("nw_it_probes_off");

    static {
        PLANE.content().write("probes/auth.yaml", probe("auth-health", "/health") + "---\n" + probe("auth-login", "/login"))
                .commit("Probe auth", "Alice <alice@nightbff.test>");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        PLANE.register(registry);
        registry.add("nightwatch.content.poll-interval", () -> "1h");
        registry.add("nightwatch.probes.enabled", () -> "false");
    }

    @AfterAll
    static void cleanUp() {
        PLANE.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ResultStore results;
    @Autowired
    ContentCatalog catalog;
    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcClient jdbc;

    @Test
    @Order(1)
    void listsTheActiveProbesWithStoredResultsButRunsNone() throws Exception {
        Instant now = Instant.now();
        // Written as a replica that runs probes would: a fresh failure, and an OK too old to be the status.
        ProbeResult failed = run("auth-health", now.minusSeconds(5), false);
        ProbeResult stale = run("auth-login", now.minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS), true);
        results.insert(List.of(failed, stale));

        String list = read("/api/v1/probes");
        assertThat(JsonPath.<List<String>>read(list, "$.probes[*].name")).containsExactlyInAnyOrder("auth-health", "auth-login");
        assertThat(field(list, "auth-health", "status")).isEqualTo("failing");
        assertThat(field(list, "auth-health", "lastRun.runId")).isEqualTo(failed.runId().toString());
        assertThat(field(list, "auth-health", "windows.1h.samples")).isEqualTo(1);
        assertThat(field(list, "auth-login", "status")).isEqualTo("unknown");
        assertThat(field(list, "auth-login", "statusReason"))
                .isEqualTo("no run since " + stale.startedAt() + " (more than 3 intervals ago; was OK)");
        assertThat(field(list, "auth-login", "lastRun.runId"))
                .as("a stale run is still the latest run").isEqualTo(stale.runId().toString());
        assertThat(JsonPath.<String>read(read("/api/v1/probes/auth-health"), "$.recentFailures[0].failedStep")).isEqualTo("call");

        String page = read("/probes");
        assertThat(page).contains("id=\"probe-auth-health\"", "failed at call: status", "id=\"probe-auth-login\"", "no run since")
                .doesNotContain("No content is active");
        assertThat(read("/probes/auth-login")).contains("id=\"last-run-unknown\"", "id=\"last-run-at\"");

        String health = mvc.perform(get("/actuator/health").with(user("viewer").roles("VIEWER"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Integer>read(health, "$.components.probes.details.probes")).isEqualTo(2);
        assertThat(JsonPath.<String>read(health, "$.components.probes.details.schedule")).startsWith("not run on this replica");

        assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ProbeScheduler.GROUP))).as("nothing scheduled from here").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM probe_run").query(Long.class).single()).as("nothing ran here").isEqualTo(2);
    }

    @Test
    @Order(2)
    void runNowSaysThisReplicaDoesNotRunProbes() throws Exception {
        String refused = mvc.perform(post("/api/v1/probes/auth-health/run").with(user("op").roles("OPERATOR")))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(refused, "$.error")).isEqualTo("conflict");
        assertThat(JsonPath.<String>read(refused, "$.message")).contains("does not run probes", "nightwatch.probes.enabled=false");
        mvc.perform(post("/api/v1/probes/no-such-probe/run").with(user("op").roles("OPERATOR"))).andExpect(status().isNotFound());

        mvc.perform(post("/probes/auth-health/run").with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("ran", org.hamcrest.Matchers.containsString("this replica does not run probes")));
        assertThat(jdbc.sql("SELECT outcome FROM audit_event WHERE action = 'probe.run' AND target = 'auth-health'").query(String.class)
                .list()).containsExactly("not_run_here", "not_run_here");
        assertThat(jdbc.sql("SELECT count(*) FROM probe_run WHERE trigger = 'manual'").query(Long.class).single()).isZero();
    }

    @Test
    @Order(3)
    void theListFollowsTheActiveContent() throws Exception {
        PLANE.content().write("probes/auth.yaml", probe("auth-health", "/health") + "---\n" + probe("auth-me", "/me"))
                .commit("Replace the login probe", "Alice <alice@nightbff.test>");
        catalog.poll();

        assertThat(JsonPath.<List<String>>read(read("/api/v1/probes"), "$.probes[*].name")).containsExactlyInAnyOrder("auth-health",
                "auth-me");
        mvc.perform(get("/probes/auth-me").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk());
        mvc.perform(get("/probes/auth-login").with(user("viewer").roles("VIEWER"))).andExpect(status().isNotFound());
        assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ProbeScheduler.GROUP))).isEmpty();
    }

    @Test
    @Order(4)
    void aTriggerAnotherReplicaScheduledIsSkippedInPlainSightNotLost() throws Exception {
        long runsBefore = jdbc.sql("SELECT count(*) FROM probe_run").query(Long.class).single();
        // What a replica that runs probes writes into the shared job store; the store may hand it to this one.
        JobKey key = JobKey.jobKey("auth-health", ProbeScheduler.GROUP);
        scheduler.scheduleJob(JobBuilder.newJob(ProbeJob.class).withIdentity(key)
                .build(), TriggerBuilder.newTrigger().withIdentity("auth-health", ProbeScheduler.GROUP).startNow().build());
        try {
            String skipped = "nightwatch_probe_runs_skipped_total{cause=\"not_run_here\",probe=\"auth-health\"} 1.0";
            Awaits.within(() -> prometheus().contains(skipped), Duration.ofSeconds(20));
        } finally {
            scheduler.deleteJob(key);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM probe_run").query(Long.class).single()).isEqualTo(runsBefore);
    }

    private String prometheus() {
        try {
            return mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String read(String path) throws Exception {
        return mvc.perform(get(path).with(user("viewer").roles("VIEWER"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** One field of one probe in a list answer. */
    private static Object field(String list, String probe, String path) {
        return JsonPath.<List<Object>>read(list, "$.probes[?(@.name == '" + probe + "')]." + path).get(0);
    }

    private static ProbeResult run(String probe, Instant at, boolean success) {
        Reason reason = success ? null : Reason.STATUS;
        StepResult step = new StepResult("call", null, success, reason, success ? null : "status 500, expected [200]",
                success ? 200 : 500, PhaseTimings.NONE, 3_000_000, success ? null : "HTTP 500");
        return new ProbeResult(UUID.randomUUID(), probe, "auth", ProbeResult.SCHEDULED, at, at, 3_000_000, success, reason,
                success ? null : "call", List.of(step));
    }

    private static String probe(String name, String path) {
        return """
                apiVersion: nightwatch/v1
                kind: Probe
                metadata: {name: %s, service: auth}
                spec:
                  interval: 30s
                  timeout: 2s
                  steps:
                    - name: call
                      request: {url: "${service:auth}%s"}
                """.formatted(name, path);
    }
}
