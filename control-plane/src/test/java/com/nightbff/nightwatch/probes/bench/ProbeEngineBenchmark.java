package com.nightbff.nightwatch.probes.bench;

import com.nightbff.nightwatch.probes.AllowList;
import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.Prober;
import com.nightbff.nightwatch.probes.Template;
import com.nightbff.nightwatch.probes.http.HttpProber;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Usage: {@code ProbeEngineBenchmark BLACKBOX_BINARY DELAY_MS RUNS}. Starts a local target that waits a
 * known delay before answering, probes it with our HTTP prober and with blackbox_exporter (its
 * /probe endpoint, the way Prometheus uses it), and prints per-run figures and the summary keys.
 */
public final class ProbeEngineBenchmark {

    private static final Pattern PROCESSING = Pattern.compile("probe_http_duration_seconds\\{phase=\"processing\"} ([0-9.eE+-]+)");

    private ProbeEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String blackbox = args[0];
        long delayMs = Long.parseLong(args[1]);
        int runs = Integer.parseInt(args[2]);
        // The target runs in its own JVM, so its sleeping and spinning threads do not share our JIT, GC and
        // safepoints; it is equally far from both probers.
        // Epsilon (no collector): the target allocates a few MB in the whole run, and a GC pause there would
        // make the injected delay itself late.
        Process targetProcess = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UnlockExperimentalVMOptions", "-XX:+UseEpsilonGC", "-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch",
                "-cp", System.getProperty("java.class.path"), DelayTarget.class.getName(), String.valueOf(delayMs))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String base = "http://127.0.0.1:" + new java.io.BufferedReader(new java.io.InputStreamReader(targetProcess.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8)).readLine().trim();

        HttpProber prober = new HttpProber(Clock.systemUTC());
        AllowList allow = new AllowList(List.of("127.0.0.1"));
        Probe delayed = probe(base + "/delay");
        Probe fast = probe(base + "/fast");

        Path dir = Files.createTempDirectory("bbx");
        Files.writeString(dir.resolve("bb.yml"), "modules:\n  http_2xx:\n    prober: http\n    timeout: 5s\n"
                + "    http:\n      preferred_ip_protocol: ip4\n");
        int port = 19115;
        Process bb = new ProcessBuilder(blackbox, "--config.file=" + dir.resolve("bb.yml"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("bb.log").toFile()).start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String probeUrl = "http://127.0.0.1:" + port + "/probe?module=http_2xx&target=";
        waitUp(http, "http://127.0.0.1:" + port + "/metrics");

        // Warm-up: JIT-compile both the /fast and the /delay paths of our prober (and of our /probe client).
        for (int i = 0; i < 2000; i++) {
            prober.run(fast, request(allow));
        }
        for (int i = 0; i < 300; i++) {
            get(http, probeUrl + base + "/fast");
        }
        for (int i = 0; i < 40; i++) {
            prober.run(delayed, request(allow));
            get(http, probeUrl + base + "/delay");
        }
        System.gc();
        get(http, base + "/stats");

        // Accuracy: the two probers alternate run by run, so both see the same machine at the same moments.
        List<Double> ourProcessing = new ArrayList<>();
        List<Double> ourError = new ArrayList<>();
        List<Double> bbProcessing = new ArrayList<>();
        List<Double> bbError = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ProbeResult r = prober.run(delayed, request(allow));
            double ms = r.steps().get(0).phases().processingNanos() / 1e6;
            ourProcessing.add(ms);
            ourError.add(Math.abs(ms - delayMs));
            Matcher m = PROCESSING.matcher(get(http, probeUrl + base + "/delay"));
            if (m.find()) {
                double bms = Double.parseDouble(m.group(1)) * 1000;
                bbProcessing.add(bms);
                bbError.add(Math.abs(bms - delayMs));
            }
        }

        String[] targetStats = get(http, base + "/stats").split(" ");

        // CPU: whole processes on both sides. Ours is this JVM's process CPU (prober, OkHttp, GC, JIT, everything)
        // minus its idle rate measured just before; blackbox's is its process utime+stime, which also covers
        // serving /probe. Both probe /fast sequentially, interleaved in blocks.
        int cpuRuns = runs * 5;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long idle0 = os.getProcessCpuTime();
        long idleT0 = System.nanoTime();
        Thread.sleep(2000);
        double idlePerNano = (double) (os.getProcessCpuTime() - idle0) / (System.nanoTime() - idleT0);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double ourCpuS = 0;
        double ourThreadCpuS = 0;
        double bbCpuS = 0;
        int blocks = 5;
        for (int b = 0; b < blocks; b++) {
            long t0 = System.nanoTime();
            long p0 = os.getProcessCpuTime();
            long th0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < cpuRuns / blocks; i++) {
                prober.run(fast, request(allow));
            }
            ourThreadCpuS += (threads.getCurrentThreadCpuTime() - th0) / 1e9;
            ourCpuS += Math.max(0, os.getProcessCpuTime() - p0 - idlePerNano * (System.nanoTime() - t0)) / 1e9;
            long bbCpu0 = cpuTicks(bb.pid());
            for (int i = 0; i < cpuRuns / blocks; i++) {
                get(http, probeUrl + base + "/fast");
            }
            bbCpuS += (cpuTicks(bb.pid()) - bbCpu0) / 100.0;
        }
        bb.destroy();
        targetProcess.destroy();

        double accuracyP99 = percentile(ourError, 99);
        double ourP50 = percentile(ourProcessing, 50);
        double bbP50 = percentile(bbProcessing, 50);
        double ourRate = cpuRuns / ourCpuS;
        double bbRate = cpuRuns / bbCpuS;
        System.out.printf(Locale.ROOT, "injected delay %d ms, %d runs each, alternating, target in its own JVM%n", delayMs, runs);
        System.out.printf(Locale.ROOT, "nightwatch:             processing p50 %.3f ms p99 %.3f ms, "
                + "|error| p50 %.3f ms p90 %.3f ms p99 %.3f ms%n",
                ourP50, percentile(ourProcessing, 99), percentile(ourError, 50), percentile(ourError, 90), accuracyP99);
        System.out.printf(Locale.ROOT, "blackbox_exporter 0.23: processing p50 %.3f ms p99 %.3f ms, "
                + "|error| p50 %.3f ms p90 %.3f ms p99 %.3f ms"
                + " (%d samples)%n", bbP50, percentile(bbProcessing, 99), percentile(bbError, 50), percentile(bbError, 90),
                percentile(bbError, 99), bbProcessing.size());
        System.out.printf(Locale.ROOT, "target: its own lateness past the injected delay (last request byte read to reply)"
                + " p50 %s ms p99 %s ms (%s requests)%n", targetStats[0], targetStats[1], targetStats[2]);
        System.out.printf(Locale.ROOT, "cpu: nightwatch %d runs in %.3f cpu-s of the whole JVM (%.0f runs/cpu-s; prober thread alone "
                + "%.3f cpu-s, %.0f runs/cpu-s; idle baseline %.1f ms/s subtracted)%n", cpuRuns, ourCpuS, ourRate, ourThreadCpuS,
                cpuRuns / ourThreadCpuS, idlePerNano * 1000);
        System.out.printf(Locale.ROOT, "cpu: blackbox_exporter %d runs in %.2f cpu-s of its process "
                + "(%.0f runs/cpu-s, incl. serving /probe)%n",
                cpuRuns, bbCpuS, bbRate);
        System.out.printf(Locale.ROOT, "RESULT accuracy_p99_ms=%.3f blackbox_diff_p50_ms=%.3f runs_per_cpu_s_ratio=%.2f%n",
                accuracyP99, Math.abs(ourP50 - bbP50), ourRate / bbRate);
        System.exit(0);
    }

    private static Probe probe(String url) {
        Probe.Step step = new Probe.Step("get", null, Duration.ofSeconds(5),
                new Probe.Request("GET", Template.literal(url), Map.of(), null, Map.of(), false), Probe.Expect.any2xx(), Map.of());
        return new Probe("bench", "bench", null, null, "http", Duration.ofSeconds(10), Duration.ofSeconds(5), 1 << 20, List.of(step),
                "bench", null);
    }

    private static Prober.RunRequest request(AllowList allow) {
        return new Prober.RunRequest(null, ProbeResult.MANUAL, name -> null, allow);
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void waitUp(HttpClient http, String url) throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                get(http, url);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("blackbox_exporter did not start");
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(idx, sorted.size() - 1)));
    }
}
