package com.nightbff.nightwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.testsupport.ConsoleClient;
import com.nightbff.nightwatch.testsupport.TestPlane;
import com.nightbff.nightwatch.testsupport.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The console's token page: admins only, CSRF on every form, the value shown once and stored only as a hash. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TokensConsoleIT {

    private static final TestPlane PLANE = TestPlane.withValidContent("nw_it_tokens");
    private static final Map<String, String> PASSWORDS = TestUsers.PASSWORDS;
    private static final Pattern VALUE = Pattern.compile("id=\"token-value\">(nwt_[A-Za-z0-9_-]{43})<");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        PLANE.register(registry);
        TestUsers.register(registry);
    }

    @AfterAll
    static void dropDatabase() {
        PLANE.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ConsoleClient signedIn(String user) {
        ConsoleClient client = new ConsoleClient(port);
        assertThat(client.login(user, PASSWORDS.get(user))).endsWith("/");
        return client;
    }

    @Test
    void anAdminCreatesATokenSeesItOnceAndOnlyItsHashIsStored() {
        ConsoleClient admin = signedIn("root");
        assertThat(admin.get("/").body()).contains("id=\"nav-tokens\"");
        assertThat(admin.get("/admin/tokens").body()).contains("Create a token", "No API token yet");

        HttpResponse<String> created = admin.post("/admin/tokens", "name=ci-deploy&role=OPERATOR&expiresInDays=30", "/admin/tokens");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        Matcher m = VALUE.matcher(created.body());
        assertThat(m.find()).as("token value on the page").isTrue();
        String value = m.group(1);

        String again = admin.get("/admin/tokens").body();
        assertThat(again).contains("ci-deploy", "OPERATOR", "root", value.substring(0, 12) + "…").doesNotContain(value)
                .doesNotContain("token-value");
        Map<String, Object> row = jdbc.sql("SELECT * FROM api_token WHERE name = 'ci-deploy'").query().singleRow();
        assertThat(row.get("token_hash")).isEqualTo(TokenValues.hash(value));
        assertThat(row.get("created_by")).isEqualTo("root");
        assertThat(row.get("expires_at")).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM api_token t WHERE t::text LIKE ?").param("%" + value.substring(12) + "%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event e WHERE e::text LIKE ?").param("%" + value.substring(12) + "%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'token.create' AND outcome = 'ok' AND target = 'ci-deploy'")
                .query(String.class).list()).containsExactly("root");

        ApiClient api = new ApiClient(port);
        assertThat(api.post("/api/v1/content/poll", value).statusCode()).isEqualTo(200);

        HttpResponse<String> duplicate = admin.post("/admin/tokens", "name=ci-deploy&role=VIEWER", "/admin/tokens");
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("already named").doesNotContain("token-value");
        assertThat(admin.post("/admin/tokens", "name=bad name&role=VIEWER", "/admin/tokens").statusCode()).isEqualTo(400);

        long id = (Long) row.get("id");
        HttpResponse<String> revoked = admin.post("/admin/tokens/" + id + "/revoke", "", "/admin/tokens");
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/tokens").body()).contains("Token revoked", "revoked ");
        assertThat(api.get("/api/v1/content", value).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'token.revoke' AND outcome = 'ok'").query(String.class).list())
                .containsExactly("root");
    }

    @Test
    void tokenFormsNeedTheirCsrfToken() {
        ConsoleClient admin = signedIn("root");
        assertThat(admin.post("/admin/tokens", "name=sneaky&role=ADMIN", null).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/tokens/1/revoke", "", null).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE name = 'sneaky'").query(Long.class).single()).isZero();
    }

    @Test
    void operatorsAndViewersCannotManageTokens() {
        for (String user : List.of("oscar", "vera")) {
            ConsoleClient client = signedIn(user);
            assertThat(client.get("/").body()).as(user).doesNotContain("nav-tokens");
            assertThat(client.get("/admin/tokens").statusCode()).as(user).isEqualTo(403);
            assertThat(client.post("/admin/tokens", "name=" + user + "-token&role=ADMIN", "/").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE name IN ('oscar-token', 'vera-token')").query(Long.class).single())
                .isZero();
        assertThat(new ConsoleClient(port).get("/admin/tokens").statusCode()).isEqualTo(302);
    }
}
