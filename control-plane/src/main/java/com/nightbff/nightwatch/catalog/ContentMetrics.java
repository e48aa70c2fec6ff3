package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.system.MetricNames;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The content series on /actuator/prometheus, which the content-rejected alert reads. */
@Component
class ContentMetrics {

    private final Gauge lastApplySuccess;
    private final Gauge lastApplyTimestamp;
    private final Gauge problems;
    private final Gauge warnings;
    private final Counter pollErrors;

    ContentMetrics(PrometheusRegistry registry) {
        lastApplySuccess = Gauge.builder().name(MetricNames.CONTENT_LAST_APPLY_SUCCESS)
                .help("1 when the newest content revision was applied, 0 when it was rejected and the last good one still runs")
                .register(registry);
        lastApplyTimestamp = Gauge.builder().name(MetricNames.CONTENT_LAST_APPLY_TIMESTAMP)
                .help("When the newest content revision was evaluated (Unix seconds)").register(registry);
        problems = Gauge.builder().name(MetricNames.CONTENT_PROBLEMS)
                .help("Problems found in the newest content revision").register(registry);
        warnings = Gauge.builder().name(MetricNames.CONTENT_WARNINGS)
                .help("Environment problems the active revision runs with on this replica (secrets not set; those probes fail)")
                .register(registry);
        pollErrors = Counter.builder().name(MetricNames.CONTENT_POLL_ERRORS)
                .help("Failed attempts to read the content repository").register(registry);
        lastApplySuccess.set(Double.NaN);
    }

    void applied(Instant at) {
        lastApplySuccess.set(1);
        lastApplyTimestamp.set(at.getEpochSecond());
        problems.set(0);
    }

    void rejected(Instant at, int problemCount) {
        lastApplySuccess.set(0);
        lastApplyTimestamp.set(at.getEpochSecond());
        problems.set(problemCount);
    }

    /** Set with every activation, so alerts see a replica that lacks a secret the revision it runs needs. */
    void warnings(int count) {
        warnings.set(count);
    }

    void pollFailed() {
        pollErrors.inc();
    }
}
