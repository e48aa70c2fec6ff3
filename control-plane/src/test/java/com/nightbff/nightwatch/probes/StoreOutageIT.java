package com.nightbff.nightwatch.probes;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.testsupport.Awaits;
import com.nightbff.nightwatch.embeddedpg.EmbeddedPostgres;
import com.nightbff.nightwatch.probes.internal.ResultWriter;
import com.nightbff.nightwatch.probes.internal.ScheduleFallback;
import com.nightbff.nightwatch.system.EmbeddedStoreAccess;
import com.nightbff.nightwatch.testsupport.ConsoleClient;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fault, whole: the plane's database stopped for a minute while probes run. Quartz
 * cannot fire without its store, so the probes must keep running on the fallback's local timers;
 * results wait in the bounded buffer (20 here), the loss past it is counted, and when the database
 * returns the buffer is flushed and the clustered schedule takes over again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StoreOutageIT {

    static final Duration OUTAGE = Duration.ofSeconds(60);
    static final int BOUND = 20;
    /** How long a borrower waits for a store connection (nightwatch.store.connection-timeout's default). */
    static final Duration STORE_CONNECTION_TIMEOUT = Duration.ofMillis(800);
    static final String CLUSTER_FIRED_HANDBACKS = "nightwatch_probe_schedule_fallback_handbacks_total{cause=\"cluster_fired\"}";

    static final AtomicInteger HITS = new AtomicInteger();
    static HttpServer target;
    static Path dataDir;
    static EmbeddedPostgres restarted;

    @Autowired
    ProbeService probeService;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    ResultWriter writer;
    @Autowired
    ScheduleFallback fallback;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/health", ex -> {
            HITS.incrementAndGet();
            ProbeFixtures.reply(ex, 200, "{\"status\":\"ok\"}");
        });
        target.start();
        dataDir = Files.createTempDirectory("nw-store-outage");
        Path seed = ProbeFixtures.seedFolder("http://127.0.0.1:" + target.getAddress().getPort(), ProbeFixtures.healthProbe("1s", "900ms"));
        registry.add("spring.datasource.url", () -> "");
        registry.add("nightwatch.data-dir", dataDir::toString);
        registry.add("nightwatch.content.uri", () -> "");
        registry.add("nightwatch.content.seed-dir", seed::toString);
        registry.add("nightwatch.content.poll-interval", () -> "1h");
        registry.add("nightwatch.probes.buffer", () -> Integer.toString(BOUND));
    }

    @AfterAll
    static void stop() {
        target.stop(0);
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void probesKeepRunningThroughAMinuteWithoutTheStoreAndNothingIsLostUpToTheBound() throws Exception {
        Awaits.within(() -> storedRuns() >= 3 && writer.buffered() == 0, Duration.ofSeconds(30));
        assertThat(fallback.active()).isFalse();
        // A slow start may already have engaged the fallback and handed back once; only this outage's hand-back counts.
        double clusterFiredBefore = counter(CLUSTER_FIRED_HANDBACKS);
        EmbeddedPostgres store = EmbeddedStoreAccess.of(context);
        int pgPort = store.port();

        store.close();
        // Counted from the moment the server is gone: a run that started while it was stopping may still have landed.
        Instant outageStart = Instant.now();
        int hitsBefore = HITS.get();
        Awaits.within(fallback::active, Duration.ofSeconds(10));
        assertThat(metric("nightwatch_probe_schedule_fallback")).isEqualTo("1.0");
        long askedAt = System.nanoTime();
        assertThat(new ConsoleClient(port).get("/actuator/health").body()).as("health says how probes run")
                .contains("\"probes\":{\"status\":\"UP\"");
        // The database indicator waits out one connection timeout; a hang would be Hikari's default 30 s or the 30 s
        // socket timeout. Ten connection timeouts tell the two apart and leave a busy machine room.
        assertThat(Duration.ofNanos(System.nanoTime() - askedAt)).as("a store that is down is reported promptly, not waited out")
                .isLessThan(STORE_CONNECTION_TIMEOUT.multipliedBy(10));
        // The console shows what the probes find meanwhile, from the runs waiting in memory, and no "no failures". The
        // newest buffered run decides; a busy moment may fail one (900 ms timeout) or delay it, so wait for an OK one.
        AtomicReference<ProbeService.Detail> during = new AtomicReference<>();
        Awaits.within(() -> {
            during.set(probeService.detail("web-health").orElseThrow());
            return "ok".equals(during.get().overview().status());
        }, Duration.ofSeconds(20));
        assertThat(during.get().storeError()).isEqualTo("the result store is unavailable");
        assertThat(during.get().overview().hour().known()).isFalse();
        Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.between(outageStart, Instant.now()).toMillis()));
        int atTheEnd = HITS.get();
        Awaits.within(() -> HITS.get() > atTheEnd, Duration.ofSeconds(10));

        int ranDuringOutage = HITS.get() - hitsBefore;
        long droppedAtRestart = writer.droppedCount();
        System.out.printf("outage %s: %d runs, %d buffered, %d dropped%n", OUTAGE, ranDuringOutage, writer.buffered(), droppedAtRestart);
        // One a second for the ~57 s the local timers run (they engage after two failed checks a second apart), and they
        // still ran at the end (above). A stalled machine may skip slots a run still holds; 40 leaves it a quarter,
        // while timers running at half the rate (~28) or stopping once the buffer is full (~20) fail.
        assertThat(ranDuringOutage).as("runs while the store was down (one a second)").isGreaterThan(40);
        assertThat(writer.buffered()).isEqualTo(BOUND);
        assertThat(droppedAtRestart).as("the loss past the bound is counted").isPositive();

        Instant restartAt = Instant.now();
        int hitsAtRestart = HITS.get();
        restarted = EmbeddedPostgres.builder(dataDir.resolve("store")).port(pgPort).shutdownHook(false).scratch().start();
        Awaits.within(writer::healthy, Duration.ofSeconds(30));
        int pushedOut = HITS.get() - hitsAtRestart;
        // Handed back because Quartz fired the probe again, before the fallback's own 30 s wait gave up: the cause
        // below says which. Quartz's return after an outage varies (its misfire handler; 5 to 25 s seen here), so the
        // wait outlasts the fallback's 30 s, and a hand-back by timeout fails on its cause, not on the clock.
        // Counted from the store answering writes, not from the restart, so a slow reconnect does not eat the budget.
        Awaits.within(() -> writer.buffered() == 0 && !fallback.active(), Duration.ofSeconds(45));
        assertThat(counter(CLUSTER_FIRED_HANDBACKS)).as("this outage handed back once, because the cluster fired")
                .isEqualTo(clusterFiredBefore + 1);

        long keptFromOutage = count("SELECT count(*) FROM probe_run WHERE started_at >= ? AND started_at < ?", outageStart, restartAt);
        System.out.printf("kept from the outage: %d; runs before the first write: %d; dropped in all: %d%n", keptFromOutage, pushedOut,
                writer.droppedCount());
        // The newest results survive up to the bound; each run made before the first write after the return pushed
        // one of the outage's out, and a batch that was being written when it came back lands whole.
        assertThat(keptFromOutage).as("the newest runs of the outage, up to the bound").isGreaterThanOrEqualTo(BOUND - pushedOut - 1L);
        assertThat(metric("nightwatch_probe_schedule_fallback")).isEqualTo("0.0");
        // Nothing lost silently: every run the engine made is stored or counted as dropped, never both.
        Awaits.within(() -> storedRuns() + writer.droppedCount() == runsMade(), Duration.ofSeconds(5));
        assertThat(writer.droppedCount()).isGreaterThanOrEqualTo(ranDuringOutage - keptFromOutage - 3L);

        Instant handedBack = Instant.now();
        Awaits.within(() -> count("SELECT count(*) FROM probe_run WHERE started_at > ?", handedBack) >= 3, Duration.ofSeconds(15));
        assertThat(count("SELECT count(*) - count(DISTINCT planned_at) FROM probe_run WHERE started_at > ?", outageStart))
                .as("no slot run twice across the hand-overs").isZero();
    }

    private long storedRuns() {
        try {
            return count("SELECT count(*) FROM probe_run WHERE probe = 'web-health'");
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private long count(String sql, Object... instants) {
        Object[] args = new Object[instants.length];
        for (int i = 0; i < instants.length; i++) {
            args[i] = Timestamp.from((Instant) instants[i]);
        }
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** Runs the engine recorded, from its counter (every recorded run is offered to the writer). */
    private long runsMade() {
        String body = new ConsoleClient(port).get("/actuator/prometheus").body();
        return (long) body.lines().filter(l -> l.startsWith("nightwatch_probe_runs_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** A counter's value; 0 before its first increment, when the registry has no series for it yet. */
    private double counter(String name) {
        String value = metric(name);
        return "absent".equals(value) ? 0 : Double.parseDouble(value);
    }

    private String metric(String name) {
        String body = new ConsoleClient(port).get("/actuator/prometheus").body();
        return body.lines().filter(l -> l.startsWith(name + " ")).map(l -> l.substring(name.length() + 1).trim()).findFirst()
                .orElse("absent");
    }

}
