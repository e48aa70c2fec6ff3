package com.nightbff.nightwatch.probes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.testsupport.Awaits;
import com.nightbff.nightwatch.embeddedpg.EmbeddedPostgres;
import com.nightbff.nightwatch.probes.PhaseTimings;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.Reason;
import com.nightbff.nightwatch.probes.StepResult;
import com.zaxxer.hikari.HikariDataSource;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store really stopped and started again while results keep coming: nothing is lost up to
 * the buffer bound, what goes past it is counted; and the retention roll-up.
 */
class ResultWriterIT {

    /** The writer's arithmetic needs no minute; StoreOutageIT keeps the database down for one while probes run. */
    static final Duration OUTAGE = Duration.ofSeconds(8);

    static ProbeResult result(Instant at, boolean success) {
        StepResult step = new StepResult("health", null, success, success ? null : Reason.STATUS, success ? null : "status 500", 200,
                new PhaseTimings(null, 100_000L, null, 2_000_000L, 50_000L), 2_500_000, null);
        return new ProbeResult(UUID.randomUUID(), "p", "web", ProbeResult.SCHEDULED, at, at, 2_600_000, success,
                success ? null : Reason.STATUS, success ? null : "health", List.of(step));
    }


    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void anOutageIsBufferedUpToTheBoundAndTheRestIsCounted() throws Exception {
        Path home = Files.createTempDirectory("nw-outage");
        int port = freePort();
        EmbeddedPostgres pg = EmbeddedPostgres.builder(home).port(port).shutdownHook(false).start();
        pg.ensureDatabase("nw");
        Flyway.configure().dataSource(pg.jdbcUrl("nw"), pg.user(), "").locations("classpath:db/migration").load().migrate();
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(pg.jdbcUrl("nw"));
            ds.setUsername(pg.user());
            ds.setConnectionTimeout(500);
            ds.setInitializationFailTimeout(-1);
            ResultStore store = new ResultStore(ds);
            try (ResultWriter writer = new ResultWriter(store, 50, 10, Duration.ofMillis(50), new PrometheusRegistry())) {
                for (int i = 0; i < 20; i++) {
                    writer.offer(result(Instant.now(), true));
                }
                Awaits.within(() -> count(store) == 20, Duration.ofSeconds(10));

                // The database gone while results keep arriving.
                pg.close();
                long outageEnds = System.nanoTime() + OUTAGE.toNanos();
                for (int i = 0; i < 70; i++) {
                    writer.offer(result(Instant.now(), i % 2 == 0));
                    Thread.sleep(OUTAGE.toMillis() / 70);
                }
                Thread.sleep(Math.max(0, (outageEnds - System.nanoTime()) / 1_000_000));
                Awaits.within(() -> !writer.healthy(), Duration.ofSeconds(10));
                assertThat(writer.buffered()).isEqualTo(50);
                // A drop from a batch being tried is counted when that try fails.
                Awaits.within(() -> writer.droppedCount() == 20, Duration.ofSeconds(5));

                pg = EmbeddedPostgres.builder(home).port(port).shutdownHook(false).scratch().start();
                Awaits.within(() -> count(store) == 70 && writer.buffered() == 0, Duration.ofSeconds(30));
                assertThat(writer.healthy()).isTrue();
                assertThat(writer.droppedCount()).isEqualTo(20);
            }
        } finally {
            pg.close();
        }
    }

    @Test
    void retentionRollsOldRunsIntoHourlyAggregatesAndDeletesThem() throws Exception {
        try (MigratedStore migrated = MigratedStore.start("nw-retention")) {
            ResultStore store = migrated.store();
            Instant old = Instant.parse("2026-01-01T10:15:00Z");
            store.insert(List.of(result(old, true), result(old.plusSeconds(60), false), result(old.plusSeconds(3600), true),
                    result(Instant.now(), true)));
            int deleted = store.rollUpAndDelete(Instant.now().minus(Duration.ofDays(14)));
            assertThat(deleted).isEqualTo(3);
            assertThat(store.count()).isEqualTo(1);
            JdbcTemplate jdbc = new JdbcTemplate(migrated.ds());
            var rows = jdbc.queryForList("SELECT step, hour, runs, successes FROM probe_hourly WHERE probe = 'p' ORDER BY step, hour");
            assertThat(rows).hasSize(4);
            assertThat(rows.get(0)).containsEntry("step", "all").containsEntry("runs", 2).containsEntry("successes", 1);
            assertThat(rows.get(2)).containsEntry("step", "health").containsEntry("runs", 2);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM probe_step", Long.class)).isEqualTo(1);
        }
    }

    @Test
    void eachWindowCountsOnlyItsOwnRunsInOneScan() throws Exception {
        try (MigratedStore migrated = MigratedStore.start("nw-windows")) {
            ResultStore store = migrated.store();
            Instant now = Instant.parse("2026-11-27T12:00:00Z");
            store.insert(List.of(result(now.minus(Duration.ofMinutes(10)), true), result(now.minus(Duration.ofHours(2)), false),
                    result(now.minus(Duration.ofHours(30)), true)));
            ProbeResult other = result(now.minus(Duration.ofMinutes(5)), true);
            store.insert(List.of(new ProbeResult(UUID.randomUUID(), "q", "web", other.trigger(), other.plannedAt(), other.startedAt(),
                    other.durationNanos(), true, null, null, other.steps())));

            Map<String, List<ResultStore.Window>> all = store.windows(now, List.of(Duration.ofHours(1), Duration.ofHours(24)), null);
            assertThat(all).containsOnlyKeys("p", "q");
            ResultStore.Window hour = all.get("p").get(0);
            ResultStore.Window day = all.get("p").get(1);
            assertThat(List.of(hour.runs(), hour.successes(), day.runs(), day.successes())).containsExactly(1L, 1L, 2L, 1L);
            assertThat(hour.p95Ms()).isEqualTo(2.6);
            assertThat(store.windows(now, List.of(Duration.ofHours(1), Duration.ofHours(24)), "q")).containsOnlyKeys("q");
            assertThat(store.windows(now.plus(Duration.ofDays(3)), List.of(Duration.ofHours(1)), null)).isEmpty();
        }
    }

    /** A migrated store on its own embedded server; closing stops both. */
    record MigratedStore(EmbeddedPostgres pg, HikariDataSource ds, ResultStore store) implements AutoCloseable {
        static MigratedStore start(String name) throws java.io.IOException {
            EmbeddedPostgres pg = EmbeddedPostgres.builder(Files.createTempDirectory(name)).shutdownHook(false).scratch().start();
            pg.ensureDatabase("nw");
            Flyway.configure().dataSource(pg.jdbcUrl("nw"), pg.user(), "").locations("classpath:db/migration").load().migrate();
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(pg.jdbcUrl("nw"));
            ds.setUsername(pg.user());
            return new MigratedStore(pg, ds, new ResultStore(ds));
        }

        @Override
        public void close() {
            ds.close();
            pg.close();
        }
    }

    private static long count(ResultStore store) {
        try {
            return store.count();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
