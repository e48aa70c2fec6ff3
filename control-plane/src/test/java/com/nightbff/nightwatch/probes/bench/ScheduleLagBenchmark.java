package com.nightbff.nightwatch.probes.bench;

import com.nightbff.nightwatch.NightwatchApplication;
import com.nightbff.nightwatch.probes.ProbeCompleted;
import com.nightbff.nightwatch.probes.ProbeFixtures;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.yaml.snakeyaml.Yaml;

/**
 * Schedule lag of the real plane: {@code coordinate PROBES INTERVAL_S WARMUP_S MEASURE_S} generates a content
 * seed with PROBES HTTP probes (interval INTERVAL_S) against a fast local JDK HTTP server, then runs the whole
 * Spring application (content catalog, ProbeScheduler, clustered Quartz JDBC store, ProbeJob, ProbeEngine,
 * HttpProber, result writer) in one JVM process, then in two processes sharing one fresh database, then bare
 * Quartz (trivial jobs, same triggers, same Quartz properties from application.yaml, same store) as the peer.
 * Lag = the probe run's start ({@code ProbeResult.startedAt}, taken when the prober starts) minus the
 * trigger's scheduled fire time ({@code ProbeResult.plannedAt}); runs planned inside the window are counted.
 */
public final class ScheduleLagBenchmark {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    private static final int MAX_SAMPLES = 400_000;
    private static final long[] PLANNED = new long[MAX_SAMPLES];
    private static final long[] LAG_MICROS = new long[MAX_SAMPLES];
    private static final AtomicInteger COUNT = new AtomicInteger();

    private ScheduleLagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "coordinate" -> coordinate(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), args.length > 5 ? args[5] : "1,2,q");
            case "replica" -> replica(args[1], Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
            case "quartz" -> bareQuartz(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---------------------------------------------------------------- coordinator

    private static void coordinate(int probes, int intervalS, int warmupS, int measureS, String scenarios) throws Exception {
        HttpServer target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        target.setExecutor(Executors.newFixedThreadPool(4));
        target.createContext("/fast", ex -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        target.start();
        Path work = Files.createTempDirectory("nw-lag");
        Path seed = seed(work.resolve("seed"), "http://127.0.0.1:" + target.getAddress().getPort(), probes, intervalS);
        double expected = (double) probes / intervalS;
        System.out.printf(Locale.ROOT, "schedule lag: %d probes every %d s (%.0f runs/s planned), warm-up %d s, window %d s%n",
                probes, intervalS, expected, warmupS, measureS);

        List<String> which = List.of(scenarios.split(","));
        Figures one = which.contains("1") ? scenario(work, seed, 1, warmupS, measureS) : new Figures(measureS);
        one.print("nightwatch, 1 replica  ", expected);
        Figures two = which.contains("2") ? scenario(work, seed, 2, warmupS, measureS) : new Figures(measureS);
        two.print("nightwatch, 2 replicas ", expected);
        Figures peer = which.contains("q") ? peer(work, probes, intervalS, warmupS, measureS) : new Figures(measureS);
        peer.print("bare Quartz (peer)     ", expected);
        target.stop(0);
        System.out.printf(Locale.ROOT, "lag_p99_ms_1_replica=%.1f%n", one.p(99));
        System.out.printf(Locale.ROOT, "lag_p99_ms_2_replicas=%.1f%n", two.p(99));
        System.out.printf(Locale.ROOT, "lag_p99_ms_bare_quartz=%.1f%n", peer.p(99));
        System.out.printf(Locale.ROOT, "RESULT lag_p99_ms=%.1f%n", Math.max(one.p(99), two.p(99)));
        System.exit(0);
    }

    static Path seed(Path seed, String base, int probes, int intervalS) throws IOException {
        StringBuilder docs = new StringBuilder();
        for (int i = 0; i < probes; i++) {
            docs.append(i == 0 ? "" : "---\n").append("""
                    apiVersion: nightwatch/v1
                    kind: Probe
                    metadata: {name: probe-%04d, service: web}
                    spec:
                      interval: %ds
                      timeout: 2s
                      steps:
                        - name: fast
                          request: {url: "${service:web}/fast"}
                    """.formatted(i, intervalS));
        }
        return ProbeFixtures.seedFolder(seed, base, docs.toString());
    }

    private static Figures scenario(Path work, Path seed, int replicas, int warmupS, int measureS) throws Exception {
        String db = createDatabase();
        List<Child> children = new ArrayList<>();
        try {
            for (int i = 0; i < replicas; i++) {
                Path out = work.resolve(db + "-r" + i + ".txt");
                // Replicas start one after the other (a rolling start); each waits until the previous one is serving.
                children.add(Child.start(out, "replica", PG + db, seed.toString(), work.resolve(db + "-data" + i).toString(),
                        out.toString()));
                children.get(i).awaitLine("READY", 240);
            }
            return window(children, warmupS, measureS);
        } finally {
            children.forEach(Child::stop);
            dropDatabase(db);
        }
    }

    private static Figures peer(Path work, int probes, int intervalS, int warmupS, int measureS) throws Exception {
        String db = createDatabase();
        Path out = work.resolve(db + "-quartz.txt");
        Child child = Child.start(out, "quartz", PG + db, String.valueOf(probes), String.valueOf(intervalS), out.toString());
        try {
            child.awaitLine("READY", 120);
            return window(List.of(child), warmupS, measureS);
        } finally {
            child.stop();
            dropDatabase(db);
        }
    }

    private static Figures window(List<Child> children, int warmupS, int measureS) throws Exception {
        long from = System.currentTimeMillis() + warmupS * 1000L;
        long to = from + measureS * 1000L;
        for (Child c : children) {
            c.send("WINDOW " + from + " " + to);
        }
        Figures all = new Figures(measureS);
        for (Child c : children) {
            String done = c.awaitLine("DONE", warmupS + measureS + 60);
            Figures one = Figures.read(c.out, measureS);
            one.info = done.substring(4).trim();
            all.add(one);
            all.perReplica.add(one);
        }
        return all;
    }

    private static String createDatabase() throws Exception {
        String db = "nw_lag_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + db);
        }
        return db;
    }

    private static void dropDatabase(String db) {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        } catch (Exception e) {
            System.out.println("could not drop " + db + ": " + e.getMessage());
        }
    }

    /** A child JVM on our class path; talks over stdin/stdout lines. */
    private static final class Child {
        final Process process;
        final BufferedReader lines;
        final Writer input;
        final Path out;

        private Child(Process process, Path out) {
            this.process = process;
            this.out = out;
            this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        static Child start(Path out, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"), ScheduleLagBenchmark.class.getName()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return new Child(p, out);
        }

        String awaitLine(String prefix, int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String line = lines.readLine();
                if (line == null) {
                    throw new IllegalStateException("child exited before " + prefix);
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
                if (line.startsWith("INFO ")) {
                    System.out.println("  " + line.substring(5));
                }
            }
            throw new IllegalStateException("no " + prefix + " within " + seconds + " s");
        }

        void send(String line) throws IOException {
            input.write(line + "\n");
            input.flush();
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lag samples of one window (ms), merged over replicas. */
    static final class Figures {
        final int measureS;
        final List<Double> lags = new ArrayList<>();
        final List<Figures> perReplica = new ArrayList<>();
        String info = "";

        Figures(int measureS) {
            this.measureS = measureS;
        }

        static Figures read(Path file, int measureS) throws IOException {
            Figures f = new Figures(measureS);
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.split(" ");
                f.lags.add(Long.parseLong(parts[1]) / 1000.0);
            }
            return f;
        }

        void add(Figures other) {
            lags.addAll(other.lags);
        }

        double p(double p) {
            return ProbeEngineBenchmark.percentile(lags, p);
        }

        void print(String name, double expected) {
            System.out.printf(Locale.ROOT, "%s runs %6d (%.1f/s of %.0f planned)  lag p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  "
                    + "max %7.1f ms  min %5.1f ms%n", name, lags.size(), lags.size() / (double) measureS, expected, p(50), p(90),
                    p(99), p(100), p(0));
            if (perReplica.size() > 1) {
                for (int i = 0; i < perReplica.size(); i++) {
                    Figures r = perReplica.get(i);
                    System.out.printf(Locale.ROOT, "    replica %d: runs %d (%.1f/s) lag p50 %.1f ms p99 %.1f ms; %s%n", i + 1,
                            r.lags.size(), r.lags.size() / (double) measureS, r.p(50), r.p(99), r.info);
                }
            } else if (perReplica.size() == 1) {
                System.out.println("    " + perReplica.get(0).info);
            }
        }
    }

    // ---------------------------------------------------------------- children

    static void record(long plannedMillis, long lagMicros) {
        int i = COUNT.getAndIncrement();
        if (i < MAX_SAMPLES) {
            PLANNED[i] = plannedMillis;
            LAG_MICROS[i] = lagMicros;
        }
    }

    /** Waits for the coordinator's window, lets it pass, and writes the samples planned inside it. */
    private static void awaitWindowAndDump(Path out, Scheduler scheduler) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String[] window = in.readLine().split(" ");
        long from = Long.parseLong(window[1]);
        long to = Long.parseLong(window[2]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(Math.max(0, from - System.currentTimeMillis()));
        long cpu0 = os.getProcessCpuTime();
        long gc0 = gcMillis();
        Thread.sleep(Math.max(0, to - System.currentTimeMillis()));
        long cpu1 = os.getProcessCpuTime();
        long gc1 = gcMillis();
        Thread.sleep(3000);
        int n = Math.min(COUNT.get(), MAX_SAMPLES);
        int kept = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (int i = 0; i < n; i++) {
                if (PLANNED[i] >= from && PLANNED[i] < to) {
                    w.println(PLANNED[i] + " " + LAG_MICROS[i]);
                    kept++;
                }
            }
        }
        double cpuS = (cpu1 - cpu0) / 1e9;
        var meta = scheduler.getMetaData();
        System.out.printf(Locale.ROOT, "DONE process cpu %.1f s in window (%.0f%% of one core, %.0f runs/cpu-s), gc pauses %d ms, "
                        + "quartz %s x%d, %s%n", cpuS, 100 * cpuS / ((to - from) / 1000.0), kept / cpuS, gc1 - gc0,
                meta.getThreadPoolClass().getSimpleName(), meta.getThreadPoolSize(), meta.getJobStoreClass().getSimpleName());
        System.out.flush();
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** One replica of the plane: the production application, observed through its ProbeCompleted events. */
    private static void replica(String url, Path seed, Path data, Path out) throws Exception {
        SpringApplication app = new SpringApplication(NightwatchApplication.class);
        app.addListeners((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
            if (event.getPayload() instanceof ProbeCompleted done && ProbeResult.SCHEDULED.equals(done.result().trigger())) {
                ProbeResult r = done.result();
                record(r.plannedAt().toEpochMilli(), Duration.between(r.plannedAt(), r.startedAt()).toNanos() / 1000);
            }
        });
        ConfigurableApplicationContext ctx = app.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--nightwatch.data-dir=" + data, "--nightwatch.content.seed-dir=" + seed, "--nightwatch.content.poll-interval=1h",
                "--server.port=0", "--logging.level.root=WARN");
        System.out.println("READY");
        System.out.flush();
        awaitWindowAndDump(out, ctx.getBean(Scheduler.class));
        ctx.close();
        System.exit(0);
    }

    /** The peer: bare Quartz on the same store and properties, trivial jobs on the same triggers. */
    @SuppressWarnings("unchecked")
    private static void bareQuartz(String url, int probes, int intervalS, Path out) throws Exception {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(10);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        Map<String, Object> yaml;
        try (var in = ScheduleLagBenchmark.class.getResourceAsStream("/application.yaml")) {
            yaml = new Yaml().load(in);
        }
        Map<String, Object> quartz = (Map<String, Object>) ((Map<String, Object>) yaml.get("spring")).get("quartz");
        Properties props = new Properties();
        ((Map<String, Object>) quartz.get("properties")).forEach((k, v) -> props.setProperty(k, String.valueOf(v)));
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(ds);
        factory.setQuartzProperties(props);
        factory.setSchedulerName(props.getProperty("org.quartz.scheduler.instanceName"));
        factory.setOverwriteExistingJobs(true);
        factory.afterPropertiesSet();
        Scheduler scheduler = factory.getScheduler();
        long interval = intervalS * 1000L;
        for (int i = 0; i < probes; i++) {
            String name = "probe-%04d".formatted(i);
            scheduler.addJob(JobBuilder.newJob(NoopJob.class).withIdentity(JobKey.jobKey(name, "probes")).storeDurably().build(), true);
            scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(name, "probes").forJob(name, "probes")
                    .startAt(new Date(System.currentTimeMillis() + com.nightbff.nightwatch.probes.internal.ProbeScheduler.offset(name,
                            interval)))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build());
        }
        factory.start();
        System.out.println("READY");
        System.out.flush();
        awaitWindowAndDump(out, scheduler);
        factory.destroy();
        ds.close();
        System.exit(0);
    }

    /** Records its own lag and returns. */
    public static final class NoopJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            Instant now = Instant.now();
            Instant planned = context.getScheduledFireTime().toInstant();
            record(planned.toEpochMilli(), Duration.between(planned, now).toNanos() / 1000);
        }
    }
}
