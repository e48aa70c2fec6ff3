package com.nightbff.nightwatch.probes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.testsupport.LocalPostgres;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A store written before messages were masked like excerpts loses the credentials its messages quote on upgrade. */
class StoredMessagesMigrationIT {

    private final String url = LocalPostgres.createDatabase("nw_it_v7");

    @AfterEach
    void drop() {
        LocalPostgres.dropDatabase(url);
    }

    @Test
    void credentialValuesInOldAssertionMessagesAreMaskedAndOthersKept() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, LocalPostgres.USER, LocalPostgres.PASSWORD);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("6").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID run = UUID.randomUUID();
        jdbc.sql("INSERT INTO probe_run (id, probe, service, trigger, planned_at, started_at, duration_ms, success)"
                + " VALUES (?, 'p', 'auth', 'scheduled', now(), now(), 1, false)").param(run).update();
        List<String> old = List.of("$.accessToken is \"eyJhbGciOiJIUzI1NiJ9.e30.sig\", expected it to match nope",
                "$.data.refresh_token is \"r-123\", expected \"x\"", "$.session.id is 42, above max 10",
                "$.user.email is \"probe@nightbff.test\", expected \"other\"", "$.count is 3, below min 5",
                "$.token exists, expected it absent", "status 500, expected [200]");
        for (int i = 0; i < old.size(); i++) {
            jdbc.sql("INSERT INTO probe_step (run_id, idx, probe, step, started_at, success, message, status_code, duration_ms,"
                    + " resolve_ms, connect_ms, tls_ms, processing_ms, transfer_ms) VALUES (?, ?, 'p', 's', now(), false, ?, 200, 1,"
                    + " 0, 0, 0, 0, 0)").params(run, i, old.get(i)).update();
        }

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.sql("SELECT message FROM probe_step ORDER BY idx").query(String.class).list()).containsExactly(
                "$.accessToken is [masked], expected it to match nope",
                "$.data.refresh_token is [masked], expected \"x\"",
                "$.session.id is [masked], above max 10",
                "$.user.email is \"probe@nightbff.test\", expected \"other\"",
                "$.count is 3, below min 5",
                "$.token exists, expected it absent",
                "status 500, expected [200]");
    }
}
