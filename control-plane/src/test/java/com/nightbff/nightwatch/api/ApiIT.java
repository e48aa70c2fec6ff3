package com.nightbff.nightwatch.api;

import static com.nightbff.nightwatch.api.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.nightbff.nightwatch.probes.ProbeFixtures;
import com.nightbff.nightwatch.testsupport.ConsoleClient;
import com.nightbff.nightwatch.testsupport.LocalPostgres;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API over real HTTP against a real PostgreSQL: tokens, roles, content poll, probes run-now, changes, errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ApiIT {

    static final String SECRET = "it-s3cret-value-42";
    static final String ADMIN_PASSWORD = "it-admin-password-2";
    static final String DB = LocalPostgres.createDatabase("nw_it_api");
    static HttpServer target;
    static Path dataDir;
    static String base;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/health", ex -> ProbeFixtures.reply(ex, 200, "{\"status\":\"ok\"}"));
        target.createContext("/login", ex -> ProbeFixtures.reply(ex, 500, "{\"echo\":" + new String(ex.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8) + "}"));
        target.start();
        base = "http://127.0.0.1:" + target.getAddress().getPort();
        dataDir = Files.createTempDirectory("nw-api-data");
        Path seed = ProbeFixtures.seedFolder(base, ProbeFixtures.healthProbe("1h", "2s") + "---\n" + ProbeFixtures.loginProbe("1h", "2s"));
        registry.add("spring.datasource.url", () -> DB);
        registry.add("spring.datasource.username", () -> LocalPostgres.USER);
        registry.add("nightwatch.data-dir", dataDir::toString);
        registry.add("nightwatch.content.seed-dir", seed::toString);
        registry.add("nightwatch.content.poll-interval", () -> "1h");
        registry.add("NIGHTWATCH_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
    }


    @AfterAll
    static void cleanUp() {
        target.stop(0);
        LocalPostgres.dropDatabase(DB);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    ApiClient api() {
        return new ApiClient(port);
    }

    String token(String name, String role) {
        return tokens.create(name, role, null, "it").value();
    }

    static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat((String) json(response, "$.error")).isEqualTo(code);
        assertThat((String) json(response, "$.message")).isNotBlank();
    }

    @Test
    void aRequestTheFirewallRejectsGetsTheApisJsonErrorAndTheSameSecurityHeaders() {
        String ci = token("ci-firewall", "OPERATOR");
        HttpResponse<String> normal = api().get("/api/v1/content", ci);
        HttpResponse<String> rejected = api().post("/api/v1/content//poll", ci);

        assertError(rejected, 400, "bad_request");
        assertThat((String) json(rejected, "$.message")).contains("the request path was rejected");
        for (String header : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Cache-Control")) {
            assertThat(rejected.headers().firstValue(header)).as(header).isPresent().isEqualTo(normal.headers().firstValue(header));
        }
        assertThat(rejected.headers().firstValue("Content-Security-Policy")).hasValue(ApiSecurityConfig.JSON_CSP);

        HttpResponse<String> console = new ConsoleClient(port).get("/probes//web-health");
        assertThat(console.statusCode()).isEqualTo(400);
        assertThat(console.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(console.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(console.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void optionsIsAnswered404LikeAnyOtherUnsupportedMethod() {
        String viewer = token("options-viewer", "VIEWER");
        assertError(api().send("OPTIONS", "/api/v1/content", null), 401, "unauthorized");
        for (String path : List.of("/api/v1/content", "/api/v1/probes", "/api/v1/nothing-here")) {
            assertError(api().send("OPTIONS", path, viewer), 404, "not_found");
        }
    }

    @Test
    void withoutAValidTokenEveryEndpointAnswers401JsonNeverALoginRedirect() {
        String unknown = "nwt_" + "Q".repeat(43);
        for (String path : List.of("/api/v1/content", "/api/v1/probes", "/api/v1/changes", "/api/v1/nothing-here", "/api")) {
            assertError(api().get(path, null), 401, "unauthorized");
        }
        assertError(api().post("/api/v1/content/poll", null), 401, "unauthorized");
        assertError(api().get("/api/v1/content", "Basic YWRtaW46" + ADMIN_PASSWORD), 401, "unauthorized");
        assertError(api().get("/api/v1/content", "nwt_short"), 401, "unauthorized");
        HttpResponse<String> unknownToken = api().get("/api/v1/content", unknown);
        assertError(unknownToken, 401, "unauthorized");
        assertThat(unknownToken.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"nightwatch\"");

        List<String> audited = jdbc.sql("SELECT detail FROM audit_event WHERE action = 'api.auth' AND outcome = 'denied'")
                .query(String.class).list();
        assertThat(audited).as("requests without any credential are not audited").noneMatch(d -> d.startsWith("missing"))
                .anySatisfy(d -> assertThat(d).startsWith("not_bearer"))
                .anySatisfy(d -> assertThat(d).startsWith("malformed"))
                .anySatisfy(d -> assertThat(d).startsWith("unknown"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE concat(actor, target, detail) LIKE ?").param("%" + unknown + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void rolesNestAndTooLowARoleIs403Json() {
        String viewer = token("it-viewer", "VIEWER");
        String operator = token("it-operator", "OPERATOR");
        String admin = token("it-admin", "ADMIN");

        HttpResponse<String> content = api().get("/api/v1/content", viewer);
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat((String) json(content, "$.active.sha")).hasSize(40);
        assertThat((String) json(content, "$.active.committedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(api().get("/api/v1/probes", viewer).statusCode()).isEqualTo(200);
        assertThat(api().get("/api/v1/changes", viewer).statusCode()).isEqualTo(200);
        assertError(api().post("/api/v1/content/poll", viewer), 403, "forbidden");
        assertError(api().post("/api/v1/probes/web-health/run", viewer), 403, "forbidden");
        assertError(api().get("/api/v1/nothing-here", viewer), 404, "not_found");

        assertThat(api().post("/api/v1/content/poll", operator).statusCode()).isEqualTo(200);
        assertThat(api().post("/api/v1/content/poll", admin).statusCode()).isEqualTo(200);
        assertThat(api().get("/api/v1/changes", admin).statusCode()).isEqualTo(200);

        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'token:it-viewer' AND outcome = 'forbidden'")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'token:it-operator' AND action = 'content.poll'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_token WHERE name = 'it-viewer'").query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void revokedAndExpiredTokensAreRefused() {
        ApiTokens.Created revoked = tokens.create("it-revoked", "ADMIN", null, "it");
        ApiTokens.Created expired = tokens.create("it-expired", "ADMIN", 1, "it");
        assertThat(api().get("/api/v1/content", revoked.value()).statusCode()).isEqualTo(200);
        assertThat(api().get("/api/v1/content", expired.value()).statusCode()).isEqualTo(200);

        assertThat(tokens.revoke(revoked.token().id(), "it")).isTrue();
        jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?").param(expired.token().id()).update();

        HttpResponse<String> r = api().get("/api/v1/content", revoked.value());
        assertError(r, 401, "unauthorized");
        assertThat((String) json(r, "$.message")).contains("revoked");
        HttpResponse<String> e = api().get("/api/v1/content", expired.value());
        assertError(e, 401, "unauthorized");
        assertThat((String) json(e, "$.message")).contains("expired");
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'api.auth'").query(String.class).list())
                .anySatisfy(d -> assertThat(d).startsWith("revoked (token it-revoked"))
                .anySatisfy(d -> assertThat(d).startsWith("expired (token it-expired"));
    }

    @Test
    void anExpiredTokensNameCanBeTakenAgainALiveOnesCannot() {
        ApiTokens.Created old = tokens.create("it-reused", "OPERATOR", 1, "it");
        jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?").param(old.token().id()).update();

        ApiTokens.Created renewed = tokens.create("it-reused", "OPERATOR", 30, "admin");
        ApiToken before = tokens.find(old.token().id()).orElseThrow();
        assertThat(before.revoked()).as("revoked so the name is free").isTrue();
        assertThat(before.revokedBy()).isEqualTo("admin");
        assertThat(tokens.list()).filteredOn(t -> t.name().equals("it-reused"))
                .extracting(ApiToken::id, ApiToken::revoked)
                .containsExactly(tuple(renewed.token().id(), false),
                        tuple(old.token().id(), true));
        assertThat(api().get("/api/v1/content", renewed.value()).statusCode()).isEqualTo(200);
        assertThat(api().get("/api/v1/content", old.value()).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT actor || ' ' || detail FROM audit_event WHERE action = 'token.revoke' AND target = 'it-reused'")
                .query(String.class).list())
                .containsExactly("admin id=" + old.token().id() + ": expired; its name is reused by a new token");

        assertThatThrownBy(() -> tokens.create("it-reused", "VIEWER", null, "admin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a live token is already named 'it-reused'; revoke it or choose another name");
        assertThat(tokens.find(renewed.token().id()).orElseThrow().revoked()).as("a live namesake stays live").isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE name = 'it-reused'").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void operatorsRunAProbeNowAuditedAsTheTokenAndNoSecretComesBack() {
        String ci = token("ci-runner", "OPERATOR");

        HttpResponse<String> run = api().post("/api/v1/probes/web-login/run", ci);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        assertThat((Boolean) json(run, "$.success")).isFalse();
        assertThat((String) json(run, "$.failedStep")).isEqualTo("login");
        assertThat((String) json(run, "$.reason")).isEqualTo("status");
        assertThat((Integer) json(run, "$.steps[0].statusCode")).isEqualTo(500);
        assertThat((String) json(run, "$.steps[0].excerpt")).contains("[secret:NW_IT_SECRET]");
        assertThat(run.body()).doesNotContain(SECRET);
        assertThat(jdbc.sql("SELECT outcome FROM audit_event WHERE actor = 'token:ci-runner' AND action = 'probe.run' "
                + "AND target = 'web-login'").query(String.class).list()).containsExactly("failure");
        assertError(api().post("/api/v1/probes/no-such-probe/run", ci), 404, "not_found");

        await().atMost(Duration.ofSeconds(10)).until(() -> api().get("/api/v1/probes/web-login", ci).body().contains("\"lastRun\":{"));
        HttpResponse<String> detail = api().get("/api/v1/probes/web-login", ci);
        assertThat((String) json(detail, "$.probe.status")).isEqualTo("failing");
        assertThat((Integer) json(detail, "$.probe.windows['1h'].samples")).isGreaterThanOrEqualTo(1);
        assertThat((List<?>) json(detail, "$.recentFailures")).isNotEmpty();
        // Read back from the store: a phase that did not happen (no TLS on plain http) is null, not a measured 0.
        assertThat(detail.body()).contains("\"tls\":null");
        assertThat((Number) json(detail, "$.probe.lastRun.steps[0].phasesMs.processing")).isNotNull();
        assertThat(detail.body()).doesNotContain(SECRET);
        HttpResponse<String> list = api().get("/api/v1/probes", ci);
        assertThat((List<String>) json(list, "$.probes[*].name")).contains("web-health", "web-login");
        assertThat(list.body()).doesNotContain(SECRET);
        assertError(api().get("/api/v1/probes/no-such-probe", ci), 404, "not_found");
    }

    @Test
    void pollAppliesACommitAtOnceAndReportsARejectionWithFormattedProblems() throws Exception {
        String operator = token("it-poller", "OPERATOR");
        String before = json(api().get("/api/v1/content", operator), "$.active.sha");

        String broken = commit("fleet.yaml", ProbeFixtures.fleet(base, "bogus: 1"), "Break the fleet");
        HttpResponse<String> rejected = api().post("/api/v1/content/poll", operator);
        assertThat(rejected.statusCode()).isEqualTo(200);
        assertThat((String) json(rejected, "$.rejected.sha")).isEqualTo(broken);
        assertThat((String) json(rejected, "$.rejected.subject")).isEqualTo("Break the fleet");
        assertThat((String) json(rejected, "$.active.sha")).isEqualTo(before);
        assertThat((Boolean) json(rejected, "$.healthy")).isFalse();
        assertThat((List<String>) json(rejected, "$.problems")).isNotEmpty()
                .allSatisfy(p -> assertThat(p).matches("fleet\\.yaml:\\d+:\\d+: \\S+: [a-z_]+: .+"));
        HttpResponse<String> status = api().get("/api/v1/content", operator);
        assertThat((String) json(status, "$.rejected.sha")).isEqualTo(broken);
        assertThat((List<String>) json(status, "$.problems")).isEqualTo(json(rejected, "$.problems"));

        commit("fleet.yaml", ProbeFixtures.fleet(base, ""), "Restore the fleet");
        String fixed = commit("deploy/web.env", "DB_POOL_SIZE=6\n", "Grow the web pool");
        HttpResponse<String> applied = api().post("/api/v1/content/poll", operator);
        assertThat((String) json(applied, "$.active.sha")).isEqualTo(fixed);
        assertThat((Object) json(applied, "$.rejected")).isNull();
        assertThat((List<?>) json(applied, "$.problems")).isEmpty();

        HttpResponse<String> changes = api().get("/api/v1/changes?limit=1", operator);
        assertThat((List<?>) json(changes, "$.changes")).hasSize(1);
        assertThat((String) json(changes, "$.changes[0].ref")).isEqualTo(fixed);
        assertThat((String) json(changes, "$.changes[0].kind")).isEqualTo("config_commit");
        assertError(api().get("/api/v1/changes?limit=0", operator), 400, "bad_request");
        assertError(api().get("/api/v1/changes?limit=lots", operator), 400, "bad_request");
    }

    @Test
    void theApiNeedsNoCsrfButTheConsoleStillDoesAndNeitherAcceptsTheOthersCredentials() {
        String admin = token("it-cross", "ADMIN");
        assertThat(api().post("/api/v1/probes/web-health/run", admin).statusCode()).isEqualTo(200);

        HttpResponse<String> consoleWithToken = api().get("/", admin);
        assertThat(consoleWithToken.statusCode()).isEqualTo(302);
        assertThat(consoleWithToken.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        ConsoleClient browser = new ConsoleClient(port);
        assertThat(browser.login("admin", ADMIN_PASSWORD)).endsWith("/");
        assertThat(browser.get("/probes").statusCode()).isEqualTo(200);
        assertThat(browser.post("/probes/web-health/run", "", null).statusCode()).isEqualTo(403);
        assertThat(browser.post("/admin/tokens", "name=no-csrf&role=ADMIN", null).statusCode()).isEqualTo(403);
        HttpResponse<String> sessionOnApi = browser.post("/api/v1/content/poll", "", null);
        assertError(sessionOnApi, 401, "unauthorized");
        assertThat(browser.get("/api/v1/content").statusCode()).isEqualTo(401);
    }

    private static String commit(String file, String text, String message) throws Exception {
        Path repo = dataDir.resolve("content");
        Files.writeString(repo.resolve(file), text);
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(".").call();
            return git.commit().setAll(true).setSign(false).setMessage(message).setAuthor("CI", "ci@nightbff.test").call().name();
        }
    }
}
