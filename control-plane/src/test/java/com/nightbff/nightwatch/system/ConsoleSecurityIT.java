package com.nightbff.nightwatch.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.testsupport.ConsoleClient;
import com.nightbff.nightwatch.testsupport.TestPlane;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The console with no users configured and no admin password given: nothing built in, one generated secret. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ConsoleSecurityIT {

    private static final TestPlane PLANE = TestPlane.withValidContent("nw_it_security");
    private static final Pattern GENERATED = Pattern.compile("Generated password for the console user 'admin': (\\S+)");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        PLANE.register(registry);
        registry.add("NIGHTWATCH_ADMIN_PASSWORD", () -> "");
    }

    @AfterAll
    static void dropDatabase() {
        PLANE.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyConsolePageRequiresLoginWhileHealthAndMetricsArePublic() {
        ConsoleClient anonymous = new ConsoleClient(port);

        assertThat(anonymous.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(anonymous.get("/anything-else").statusCode()).isEqualTo(302);
        assertThat(anonymous.get("/actuator/env").statusCode()).isNotEqualTo(200);
        assertThat(anonymous.get("/actuator/health").body()).contains("\"db\"", "\"content\"");
        assertThat(anonymous.get("/actuator/prometheus").body()).contains("nightwatch_content_last_apply_success 1.0");
    }

    @Test
    void noBuiltInCredentialsWorkAndTheGeneratedPasswordIsPrintedOnce(CapturedOutput output) {
        for (List<String> guess : List.of(List.of("admin", "admin"), List.of("admin", "password"), List.of("admin", "nightwatch"),
                List.of("user", "password"), List.of("admin", ""), List.of("viewer", "viewer"))) {
            assertThat(new ConsoleClient(port).login(guess.get(0), guess.get(1))).as("login as %s", guess).contains("/login?error");
        }
        Matcher m = GENERATED.matcher(output.getAll());
        assertThat(m.find()).as("generated password in the log").isTrue();
        String password = m.group(1);
        assertThat(m.find()).as("printed once").isFalse();

        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", password)).endsWith("/");
        assertThat(admin.get("/").body()).contains("Active content", "auth");

        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain(password);
        assertThat(jdbc.sql("SELECT outcome FROM audit_event WHERE action = 'login' ORDER BY id").query(String.class).list())
                .contains("denied", "ok");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStaysOffCrossSitePosts() {
        List<String> cookies = new ConsoleClient(port).get("/login").headers().allValues("Set-Cookie");

        assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement().satisfies(c ->
                assertThat(c).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax"));
    }

    @Test
    void formsNeedTheirCsrfTokenAndPagesCarryAStrictContentSecurityPolicy() {
        ConsoleClient client = new ConsoleClient(port);

        HttpResponse<String> login = client.get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(client.post("/login", "username=admin&password=x", null).statusCode()).isEqualTo(403);
    }
}
