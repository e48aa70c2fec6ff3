package com.nightbff.nightwatch.embeddedpg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresIT {

    @Test
    void startsRealPostgresKeepsDataAcrossRestartsAndHonoursSettings() throws Exception {
        Path home = Files.createTempDirectory("nw-embedded-pg");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder(home).setting("max_connections", "37")
                .shutdownHook(false).start()) {
            pg.ensureDatabase("store");
            pg.ensureDatabase("store");
            try (var c = DriverManager.getConnection(pg.jdbcUrl("store"), pg.user(), "");
                 var st = c.createStatement()) {
                st.execute("CREATE TABLE kept (v int)");
                st.execute("INSERT INTO kept VALUES (42)");
                var rs = st.executeQuery("SHOW max_connections");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("37");
            }
        }
        Path data;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder(home).shutdownHook(false).scratch().start();
             var c = DriverManager.getConnection(pg.jdbcUrl("store"), pg.user(), "");
             var rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
            data = pg.home();
        }
        // Scratch data goes with the server, wherever it was kept.
        assertThat(data).doesNotExist();
        assertThat(home).doesNotExist();
    }
}
