package com.nightbff.nightwatch.sandbox.load;

import com.nightbff.nightwatch.embeddedpg.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code benchmarks/run.sh pool-load}: NightBFF's configuration (8 x 50 against max_connections = 100)
 * next to a budget that fits (8 x 10), same load, same database, one after the other.
 */
public final class PoolLoadBenchmark {

    private PoolLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 20);
        int users = intArg(args, "--users", 20);
        int maxConnections = intArg(args, "--max-connections", 100);
        int offset = intArg(args, "--port-offset", 5000);
        int latency = intArg(args, "--db-latency-ms", PoolLoad.DEFAULT_DB_LATENCY_MS);
        Path work = Files.createTempDirectory("pool-load-");
        Map<String, LoadResult> results = new LinkedHashMap<>();
        // A stable home: the server's data is reused (seeded once) instead of piling up per run.
        Path pgHome = Path.of(System.getProperty("java.io.tmpdir"), "nightwatch-pool-load", "pg");
        try (EmbeddedPostgres pg = PoolLoad.database(pgHome, maxConnections)) {
            // All but the monitor's session and one spare; without them 53300 cannot show and the run measures the machine.
            SessionCapacity.shortfall(pg.jdbcUrl("nightbff"), maxConnections - 2).ifPresent(reason -> System.out.println(
                    "WARNING: this machine cannot host max_connections=" + maxConnections + " sessions: " + reason
                            + "; the figures below are the machine's limit, not the pools'"));
            PoolLoad load = new PoolLoad(pg.jdbcUrl("nightbff"), offset, work, latency);
            for (int size : new int[] {50, 10}) {
                System.out.printf("running 8 services x DB_POOL_SIZE=%d, %d users per service, %d ms database latency, %d s ...%n",
                        size, users, latency, seconds);
                results.put("8x" + size, load.run(size, users, Duration.ofSeconds(seconds)));
            }
        } finally {
            deleteQuietly(work);
        }
        System.out.println();
        System.out.printf("%-22s %14s %14s%n", "", "8x50 (NightBFF)", "8x10 (fits)");
        LoadResult over = results.get("8x50");
        LoadResult fit = results.get("8x10");
        row("requests", over.requests(), fit.requests());
        row("ok", over.ok(), fit.ok());
        row("errors 53300", over.errors53300(), fit.errors53300());
        row("errors other", over.errorsOther(), fit.errorsOther());
        row("p50 ms", over.percentileMs(50), fit.percentileMs(50));
        row("p95 ms", over.percentileMs(95), fit.percentileMs(95));
        row("p99 ms", over.percentileMs(99), fit.percentileMs(99));
        row("peak connections", over.peakConnections(), fit.peakConnections());
        System.out.println("failures by cause, 8x50: " + over.failuresSorted() + "   8x10: " + fit.failuresSorted());
        System.out.println("pool-load: " + over.figures("", "8x50").replaceFirst(" ", " max_connections=" + maxConnections + " ")
                + " " + fit.figures("fit_", "8x10"));
    }

    private static void row(String name, Number over, Number fit) {
        System.out.printf("%-22s %14s %14s%n", name, format(over), format(fit));
    }

    private static String format(Number n) {
        return n instanceof Double d ? String.format(java.util.Locale.ROOT, "%.1f", d) : n.toString();
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
