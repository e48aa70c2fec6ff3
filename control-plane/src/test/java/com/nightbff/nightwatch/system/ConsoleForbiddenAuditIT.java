package com.nightbff.nightwatch.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.testsupport.ConsoleClient;
import com.nightbff.nightwatch.testsupport.TestPlane;
import com.nightbff.nightwatch.testsupport.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The console's 403s land in the audit log like the API's, and still answer with the error page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ConsoleForbiddenAuditIT {

    private static final TestPlane PLANE = TestPlane.withValidContent("nw_it_forbidden");
    private static final Map<String, String> PASSWORDS = TestUsers.PASSWORDS;

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
        ConsoleClient client = new ConsoleClient(port).acceptingHtml();
        assertThat(client.login(user, PASSWORDS.get(user))).endsWith("/");
        return client;
    }

    @Test
    void aViewerRunningAProbeIsRefusedAndAudited() {
        HttpResponse<String> refused = signedIn("vera").post("/probes/web-health/run", "", "/");

        assertErrorPage(refused);
        assertThat(audited("vera")).containsExactly("/probes/web-health/run forbidden POST from 127.0.0.1");
    }

    @Test
    void anOperatorCreatingATokenIsRefusedAndAudited() {
        HttpResponse<String> refused = signedIn("oscar").post("/admin/tokens", "name=mine&role=ADMIN", "/");

        assertErrorPage(refused);
        assertThat(audited("oscar")).containsExactly("/admin/tokens forbidden POST from 127.0.0.1");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndAuditedForTheSignedInUserOnly() {
        HttpResponse<String> refused = signedIn("root").post("/admin/tokens", "name=forged&role=ADMIN", null);

        assertErrorPage(refused);
        assertThat(audited("root")).containsExactly("/admin/tokens csrf POST from 127.0.0.1");
        long before = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'console.forbidden'").query(Long.class).single();
        assertThat(new ConsoleClient(port).post("/login", "username=root&password=x", null).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'console.forbidden'").query(Long.class).single())
                .as("an anonymous stale form rides on no account").isEqualTo(before);
    }

    private static void assertErrorPage(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<h1>403</h1>", "Back to the console");
    }

    private List<String> audited(String actor) {
        return jdbc.sql("SELECT concat_ws(' ', target, outcome, detail) FROM audit_event WHERE action = 'console.forbidden' AND actor = ?")
                .param(actor).query(String.class).list();
    }
}
