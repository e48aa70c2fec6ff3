package com.nightbff.nightwatch.probes.internal;

import com.nightbff.nightwatch.probes.PhaseTimings;
import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.StepResult;
import com.nightbff.nightwatch.system.MetricNames;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The probe series, named and labelled like blackbox_exporter's so community dashboards work:
 * {@code probe, step, service}; probe-level series carry {@code step="all"}. Series of probes or
 * steps that disappear from content are removed, so a deleted probe does not look healthy forever (nor
 * keep its counters in every scrape), and so are the last values of steps a run did not reach.
 */
public class ProbeMetrics {

    static final String ALL = "all";
    private static final double[] BUCKETS = {0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2, 5, 10, 30};

    private final Gauge success;
    private final Gauge duration;
    private final Gauge status;
    private final Gauge phase;
    private final Histogram stepDuration;
    private final Gauge lastRun;
    private final Counter runs;
    private final Histogram lag;
    private final Counter skipped;
    private final Map<String, Set<String>> stepsByProbe = new ConcurrentHashMap<>();
    private final Map<String, String> serviceByProbe = new ConcurrentHashMap<>();
    /** The probes content declares, once known: a run finishing after its probe was removed must not bring its series back. */
    private volatile Set<String> declared;

    public ProbeMetrics(PrometheusRegistry registry) {
        success = Gauge.builder().name(MetricNames.PROBE_SUCCESS).help("Whether the last probe run or step succeeded")
                .labelNames("probe", "step", "service").register(registry);
        duration = Gauge.builder().name(MetricNames.PROBE_DURATION).help("Duration of the last probe run or step in seconds")
                .labelNames("probe", "step", "service").register(registry);
        status = Gauge.builder().name(MetricNames.PROBE_HTTP_STATUS_CODE).help("HTTP status code of the last response of a step")
                .labelNames("probe", "step", "service").register(registry);
        phase = Gauge.builder().name(MetricNames.PROBE_HTTP_DURATION).help("Duration of the last step by phase in seconds")
                .labelNames("probe", "step", "service", "phase").register(registry);
        stepDuration = Histogram.builder().name(MetricNames.PROBE_STEP_DURATION).help("Probe step durations (step=all: whole runs)")
                .classicUpperBounds(BUCKETS).classicOnly().labelNames("probe", "step", "service").register(registry);
        lastRun = Gauge.builder().name(MetricNames.PROBE_LAST_RUN).help("Start of the probe's last run in Unix seconds")
                .labelNames("probe", "service").register(registry);
        runs = Counter.builder().name(MetricNames.PROBE_RUNS).help("Probe runs by outcome and reason")
                .labelNames("probe", "service", "result", "reason").register(registry);
        lag = Histogram.builder().name(MetricNames.PROBE_SCHEDULE_LAG).help("Actual minus planned start of scheduled probe runs")
                .classicUpperBounds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5).classicOnly().register(registry);
        skipped = Counter.builder().name(MetricNames.PROBE_RUNS_SKIPPED).help("Probe runs not started (executor saturated or overlap)")
                .labelNames("probe", "cause").register(registry);
    }

    public void record(ProbeResult r) {
        Set<String> current = declared;
        if (current != null && !current.contains(r.probe())) {
            return;
        }
        String service = r.service();
        serviceByProbe.put(r.probe(), service);
        Set<String> steps = stepsByProbe.computeIfAbsent(r.probe(), k -> ConcurrentHashMap.newKeySet());
        success.labelValues(r.probe(), ALL, service).set(r.success() ? 1 : 0);
        duration.labelValues(r.probe(), ALL, service).set(r.durationNanos() / 1e9);
        lastRun.labelValues(r.probe(), service).set(r.startedAt().toEpochMilli() / 1000.0);
        stepDuration.labelValues(r.probe(), ALL, service).observe(r.durationNanos() / 1e9);
        runs.labelValues(r.probe(), service, r.success() ? "success" : "failure", r.reason() == null ? "" : r.reason().code()).inc();
        for (StepResult s : r.steps()) {
            steps.add(s.step());
            success.labelValues(r.probe(), s.step(), service).set(s.success() ? 1 : 0);
            duration.labelValues(r.probe(), s.step(), service).set(s.durationSeconds());
            status.labelValues(r.probe(), s.step(), service).set(s.statusCode());
            for (String name : PhaseTimings.PHASES) {
                // A phase that did not happen (TLS on plain http) exports 0, as blackbox_exporter's does.
                phase.labelValues(r.probe(), s.step(), service, name).set(s.phases().seconds(name));
            }
            stepDuration.labelValues(r.probe(), s.step(), service).observe(s.durationSeconds());
        }
        // Steps after a failed one did not run: their last values are from an earlier run and would read
        // as current (a green create-plan under a failed login), so they go until the step runs again.
        dropSteps(r.probe(), service, steps, step -> r.steps().stream().anyMatch(s -> s.step().equals(step)));
    }

    public void lag(Duration d) {
        lag.observe(Math.max(0, d.toNanos()) / 1e9);
    }

    public void skipped(String probe, String cause) {
        skipped.labelValues(probe, cause).inc();
    }

    /**
     * Drops the series content no longer declares: removed probes, probes moved to another service, and
     * removed or renamed steps. Last values go so no old value keeps reading as current; counters and
     * histograms go too, so a fleet that churns probes does not grow the scrape without bound (Prometheus
     * keeps what it already scraped). Steps a run merely did not reach keep their histograms.
     */
    public void retain(Collection<Probe> probes) {
        Map<String, Probe> current = new HashMap<>();
        probes.forEach(p -> current.put(p.name(), p));
        declared = Set.copyOf(current.keySet());
        runs.removeIf(l -> !declares(current, l.get(0), l.get(1), ALL));
        stepDuration.removeIf(l -> !declares(current, l.get(0), l.get(2), l.get(1)));
        skipped.removeIf(l -> !current.containsKey(l.get(0)));
        for (String probe : Set.copyOf(stepsByProbe.keySet())) {
            Probe declared = current.get(probe);
            String service = serviceByProbe.get(probe);
            if (declared == null || !declared.service().equals(service)) {
                serviceByProbe.remove(probe);
                success.remove(probe, ALL, service);
                duration.remove(probe, ALL, service);
                lastRun.remove(probe, service);
                stepsByProbe.remove(probe).forEach(step -> removeStep(probe, step, service));
                continue;
            }
            dropSteps(probe, service, stepsByProbe.get(probe), step -> declared.steps().stream().anyMatch(s -> s.name().equals(step)));
        }
    }

    private static boolean declares(Map<String, Probe> current, String probe, String service, String step) {
        Probe p = current.get(probe);
        return p != null && p.service().equals(service) && (ALL.equals(step) || p.steps().stream().anyMatch(s -> s.name().equals(step)));
    }

    /** Forgets the tracked steps {@code keep} rejects, with their last-value series. */
    private void dropSteps(String probe, String service, Set<String> tracked, Predicate<String> keep) {
        tracked.removeIf(step -> {
            if (keep.test(step)) {
                return false;
            }
            removeStep(probe, step, service);
            return true;
        });
    }

    private void removeStep(String probe, String step, String service) {
        success.remove(probe, step, service);
        duration.remove(probe, step, service);
        status.remove(probe, step, service);
        for (String name : PhaseTimings.PHASES) {
            phase.remove(probe, step, service, name);
        }
    }
}
