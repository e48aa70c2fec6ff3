package com.nightbff.nightwatch.system;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.nightbff.nightwatch.catalog.ContentCatalog;
import com.nightbff.nightwatch.embeddedpg.EmbeddedPostgres;
import com.nightbff.nightwatch.testsupport.ConsoleClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The zero-config run: no datasource URL and no content URI, so the plane starts an embedded
 * PostgreSQL and seeds its own content repository from this project's committed content.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class EmbeddedStoreIT {

    private static final String PASSWORD = "embedded-it-password";

    private static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        dataDir = Files.createTempDirectory("nw-zero-config");
        registry.add("spring.datasource.url", () -> "");
        registry.add("nightwatch.data-dir", dataDir::toString);
        registry.add("nightwatch.content.uri", () -> "");
        registry.add("nightwatch.content.seed-dir", () -> "..");
        registry.add("NIGHTWATCH_ADMIN_PASSWORD", () -> PASSWORD);
        // One failure blocks: a sign-in tried while the store is down must not count as one.
        registry.add("nightwatch.security.max-failures", () -> "1");
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContentCatalog catalog;
    @Autowired
    StoreConfig.EmbeddedStore store;
    @LocalServerPort
    int port;

    @Test
    void startsOnAnEmbeddedPostgresWithMigrationsAndASeededContentRepository() {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:").doesNotContain(":5432/").endsWith("/nightwatch");
        assertThat(jdbc.sql("SELECT count(*) FROM qrtz_locks").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");

        assertThat(dataDir.resolve("content/.git")).isDirectory();
        assertThat(dataDir.resolve("content/fleet.yaml")).isRegularFile();
        assertThat(dataDir.resolve("content/deploy/auth.env")).isRegularFile();
        assertThat(dataDir.resolve("content/pom.xml")).doesNotExist();
        assertThat(catalog.active().orElseThrow().fleet().services()).hasSize(8);
        assertThat(catalog.repository().workTree()).isEqualTo(dataDir.resolve("content").toAbsolutePath());
    }

    @Test
    void withTheStoreDownThePlaneKeepsServingAndSaysWhyThenRecovers(CapturedOutput output) {
        ConsoleClient console = new ConsoleClient(port);
        assertThat(console.login("admin", PASSWORD)).endsWith("/");
        assertThat(console.get("/").statusCode()).isEqualTo(200);
        int pgPort = store.postgres().port();

        store.postgres().close();
        try {
            HttpResponse<String> page = console.get("/");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("id=\"store-unavailable\"", "Nightwatch's database is unreachable");
            await().atMost(Duration.ofSeconds(10)).until(() -> console.get("/").body()
                    .contains("local timers until the job store returns"));
            assertThat(console.get("/").body()).containsPattern("(?s)id=\"probe-runtime\".*12</span> probe\\(s\\) run");
            HttpResponse<String> probes = console.get("/probes");
            assertThat(probes.statusCode()).as("the probes page degrades to unknown").isEqualTo(200);
            assertThat(probes.body()).contains("the result store is unavailable");
            assertThat(console.get("/actuator/health").body()).containsPattern("\"db\":\\{(\"details\":\\{[^}]*},)?\"status\":\"DOWN\"");
            assertThat(catalog.active()).as("the active content keeps running").isPresent();
            signInSaysTheDatabaseIsUnreachableAndCountsNoFailure(output);
        } finally {
            restarted = EmbeddedPostgres.builder(dataDir.resolve("store")).port(pgPort).shutdownHook(false).scratch().start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> console.get("/").statusCode() == 200);
        assertThat(new ConsoleClient(port).login("admin", PASSWORD)).as("not throttled by the attempts during the outage").endsWith("/");
    }

    /** Twice, with max-failures 1: were the first attempt counted, the second would be refused as throttled. */
    private void signInSaysTheDatabaseIsUnreachableAndCountsNoFailure(CapturedOutput output) {
        ConsoleClient stranger = new ConsoleClient(port);
        for (String password : new String[] {"not-the-password-1", PASSWORD}) {
            assertThat(stranger.login("admin", password)).endsWith("/login?unavailable");
        }
        HttpResponse<String> form = stranger.get("/login?unavailable");
        assertThat(form.body()).contains("id=\"unavailable\"", "Sign-in is unavailable: Nightwatch cannot\n    reach its database")
                .doesNotContain("Wrong username or password");
        assertThat(output.getOut()).contains("sign-in unavailable for user 'admin' from 127.0.0.1").doesNotContain("not-the-password-1");
    }

    private static EmbeddedPostgres restarted;

    @AfterAll
    static void stopRestarted() {
        if (restarted != null) {
            restarted.close();
        }
    }
}
