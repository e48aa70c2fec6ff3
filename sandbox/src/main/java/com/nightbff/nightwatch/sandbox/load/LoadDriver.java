package com.nightbff.nightwatch.sandbox.load;

import com.nightbff.nightwatch.sandbox.http.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import tools.jackson.databind.JsonNode;

/**
 * Closed-loop virtual users, a fixed number per target, each sending its next request as soon as the last
 * one ends (like k6 VUs without think time), until the deadline.
 */
public final class LoadDriver {

    private final List<Target> targets;
    private final int usersPerTarget;
    private final Duration duration;
    private final String token;

    public LoadDriver(List<Target> targets, int usersPerTarget, Duration duration, String token) {
        this.targets = targets;
        this.usersPerTarget = usersPerTarget;
        this.duration = duration;
        this.token = token;
    }

    /** Runs the load; {@code connections} is sampled meanwhile for the peak. */
    public LoadResult run(IntSupplier connections) throws InterruptedException {
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        AtomicLong ok = new AtomicLong();
        List<Samples> perUser = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(targets.size() * usersPerTarget);
        for (Target target : targets) {
            for (int u = 0; u < usersPerTarget; u++) {
                Samples samples = new Samples();
                perUser.add(samples);
                Thread t = new Thread(() -> {
                    try (KeepAliveClient client = new KeepAliveClient(target, token)) {
                        while (System.nanoTime() < deadline) {
                            long t0 = System.nanoTime();
                            String failure = send(client);
                            samples.add((System.nanoTime() - t0) / 1000);
                            if (failure == null) {
                                ok.incrementAndGet();
                            } else {
                                failures.computeIfAbsent(failure, k -> new AtomicLong()).incrementAndGet();
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                }, "load-" + target.service() + "-" + u);
                t.setDaemon(true);
                threads.add(t);
            }
        }
        threads.forEach(Thread::start);
        int peak = 0;
        // Pools churn connections when the server refuses them, so a coarse sample misses the peak.
        while (!done.await(25, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, connections.getAsInt());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = perUser.stream().mapToInt(s -> s.size).sum();
        long[] all = new long[total];
        int pos = 0;
        for (Samples samples : perUser) {
            System.arraycopy(samples.values, 0, all, pos, samples.size);
            pos += samples.size;
        }
        Map<String, Long> failureCounts = new ConcurrentHashMap<>();
        failures.forEach((k, v) -> failureCounts.put(k, v.get()));
        return new LoadResult(total, ok.get(), failureCounts, all, seconds, peak);
    }

    /** One user's latencies; written by its own thread only, read after the run. */
    private static final class Samples {
        private long[] values = new long[1024];
        private int size;

        void add(long micros) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = micros;
        }
    }

    /** Null on success, otherwise the failure's cause: a SQLSTATE, "http_NNN" or the exception type. */
    private static String send(KeepAliveClient client) {
        try {
            KeepAliveClient.Response response = client.send();
            return response.status() < 400 ? null : cause(response.status(), response.body());
        } catch (IOException e) {
            return "io_" + e.getClass().getSimpleName();
        }
    }

    static String cause(int status, byte[] body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            String code = json.path("code").asString(null);
            if (code != null) {
                return code;
            }
            String message = json.path("message").asString("");
            if (message.contains("Connection is not available")) {
                return "pool_timeout";
            }
        } catch (RuntimeException ignored) {
            // not JSON: classify by status only
        }
        return "http_" + status;
    }
}
