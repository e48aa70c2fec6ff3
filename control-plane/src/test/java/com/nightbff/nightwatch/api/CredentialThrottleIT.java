package com.nightbff.nightwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.testsupport.ConsoleClient;
import com.nightbff.nightwatch.testsupport.TestPlane;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guessing is slowed down: after three failures from one address, console sign-in and API tokens
 * are refused for that address, even with the right password or a valid token, and say so. Signing
 * in or using a valid token in between resets nothing, and neither a refused retry nor a request
 * without any credential adds to the audit log. Each test is its own client address (behind a
 * trusted proxy, as the README describes), so their throttles do not meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CredentialThrottleIT {

    private static final TestPlane PLANE = TestPlane.withValidContent("nw_it_throttle");
    private static final String PASSWORD = "throttle-it-password";
    private static final String MALLORY_PASSWORD = "mallory-own-password";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        String rootHash = bcrypt.encode(PASSWORD);
        String malloryHash = bcrypt.encode(MALLORY_PASSWORD);
        PLANE.register(registry);
        registry.add("nightwatch.security.users[0].username", () -> "root");
        registry.add("nightwatch.security.users[0].password-hash", () -> rootHash);
        registry.add("nightwatch.security.users[0].roles", () -> "ADMIN");
        registry.add("nightwatch.security.users[1].username", () -> "mallory");
        registry.add("nightwatch.security.users[1].password-hash", () -> malloryHash);
        registry.add("nightwatch.security.users[1].roles", () -> "VIEWER");
        registry.add("nightwatch.security.max-failures", () -> "3");
        registry.add("server.forward-headers-strategy", () -> "native");
    }

    @AfterAll
    static void dropDatabase() {
        PLANE.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    @Test
    void threeWrongPasswordsLockTheAddressOutOfTheConsoleEvenWithTheRightOne() {
        String from = "192.0.2.1";
        for (int i = 0; i < 3; i++) {
            assertThat(new ConsoleClient(port, from).login("root", "wrong-" + i)).endsWith("/login?error");
        }
        ConsoleClient client = new ConsoleClient(port, from);
        assertThat(client.login("root", PASSWORD)).endsWith("/login?throttled");
        assertThat(client.get("/login?throttled").body()).contains("id=\"throttled\"", "Too many failed sign-ins");
        for (int i = 0; i < 3; i++) {
            assertThat(client.login("root", PASSWORD)).endsWith("/login?throttled");
        }
        assertThat(throttledAudits("login", from)).as("one audit entry per block, not per refused attempt").isEqualTo(1);
        assertThat(new ConsoleClient(port, "192.0.2.99").login("root", PASSWORD)).as("another address").endsWith("/");
    }

    @Test
    void signingInWithOnesOwnAccountDoesNotResetFailuresAgainstAnother() {
        String from = "192.0.2.2";
        for (int i = 0; i < 2; i++) {
            assertThat(new ConsoleClient(port, from).login("root", "guess-" + i)).endsWith("/login?error");
        }
        assertThat(new ConsoleClient(port, from).login("mallory", MALLORY_PASSWORD)).endsWith("/");
        assertThat(new ConsoleClient(port, from).login("root", "guess-2")).endsWith("/login?error");

        assertThat(new ConsoleClient(port, from).login("root", PASSWORD)).endsWith("/login?throttled");
    }

    @Test
    void threeBadTokensLockTheAddressOutOfTheApiWithA429() {
        String from = "192.0.2.3";
        String valid = tokens.create("it-throttle", "VIEWER", null, "it").value();
        ApiClient api = new ApiClient(port, from);
        assertThat(api.get("/api/v1/content", valid).statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v1/content", "nwt_" + "X".repeat(42) + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = api.get("/api/v1/content", valid);
        ApiIT.assertError(refused, 429, "throttled");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 300L));
        for (int i = 0; i < 3; i++) {
            ApiIT.assertError(api.get("/api/v1/content", valid), 429, "throttled");
        }
        assertThat(throttledAudits("api.auth", from)).as("one audit entry per block, not per refused request").isEqualTo(1);
    }

    @Test
    void aValidTokenInBetweenDoesNotResetBadOnes() {
        String valid = tokens.create("it-throttle-reset", "VIEWER", null, "it").value();
        ApiClient api = new ApiClient(port, "192.0.2.4");
        for (int i = 0; i < 2; i++) {
            assertThat(api.get("/api/v1/content", "nwt_" + "Y".repeat(42) + i).statusCode()).isEqualTo(401);
        }
        assertThat(api.get("/api/v1/content", valid).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/content", "nwt_" + "Y".repeat(42) + "2").statusCode()).isEqualTo(401);

        ApiIT.assertError(api.get("/api/v1/content", valid), 429, "throttled");
    }

    @Test
    void requestsWithoutAnyCredentialAreNeitherAuditedNorCountedButOtherSchemesAre() {
        String valid = tokens.create("it-throttle-anonymous", "VIEWER", null, "it").value();
        ApiClient api = new ApiClient(port, "192.0.2.5");
        long before = apiAuthAudits();
        for (int i = 0; i < 5; i++) {
            ApiIT.assertError(api.get("/api/v1/content", null), 401, "unauthorized");
        }
        assertThat(apiAuthAudits()).as("no audit entry for requests that try no credential").isEqualTo(before);
        assertThat(api.get("/api/v1/content", valid).statusCode()).as("and they count for nothing").isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            ApiIT.assertError(api.get("/api/v1/content", "Basic cm9vdDpndWVzcw" + i), 401, "unauthorized");
        }
        assertThat(apiAuthAudits()).as("a credential of another scheme is an attempt").isEqualTo(before + 3);
        ApiIT.assertError(api.get("/api/v1/content", valid), 429, "throttled");
    }

    private long throttledAudits(String action, String from) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND outcome = 'throttled' AND detail = ?")
                .params(action, "too many failures from " + from).query(Long.class).single();
    }

    private long apiAuthAudits() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'api.auth'").query(Long.class).single();
    }
}
