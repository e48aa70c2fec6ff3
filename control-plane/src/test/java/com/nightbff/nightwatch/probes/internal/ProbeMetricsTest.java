package com.nightbff.nightwatch.probes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.probes.PhaseTimings;
import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.ProbeFixtures;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.Reason;
import com.nightbff.nightwatch.probes.StepResult;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A step that content no longer declares, or a run did not reach, stops being exported: its last value cannot read as current. */
class ProbeMetricsTest {

    @Test
    void removedStepsAndProbesLoseTheirSeriesCountersAndHistogramsIncluded() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        ProbeMetrics metrics = new ProbeMetrics(registry);
        Probe probe = ProbeFixtures.probes(ProbeFixtures.bundle("http://127.0.0.1:8081", "")
                .put("probes/p.yaml", ProbeFixtures.getProbe("/health", ""))).probes().get(0);
        StepResult kept = new StepResult("s", null, true, null, null, 200, new PhaseTimings(0L, 0L, null, 1L, 0L), 1, null);
        StepResult old = new StepResult("old-step", null, true, null, null, 200, new PhaseTimings(0L, 0L, null, 1L, 0L), 1, null);
        metrics.record(new ProbeResult(UUID.randomUUID(), "p", "web", ProbeResult.SCHEDULED, Instant.now(), Instant.now(), 1, true,
                null, null, List.of(kept, old)));
        metrics.skipped("p", "still_running");
        assertThat(text(registry)).contains("probe_success{probe=\"p\",service=\"web\",step=\"old-step\"} 1.0")
                .contains("nightwatch_probe_step_duration_seconds_count{probe=\"p\",service=\"web\",step=\"old-step\"} 1");

        metrics.retain(List.of(probe));
        assertThat(text(registry)).contains("probe_success{probe=\"p\",service=\"web\",step=\"s\"} 1.0")
                .contains("nightwatch_probe_step_duration_seconds_count{probe=\"p\",service=\"web\",step=\"s\"} 1")
                .contains("nightwatch_probe_step_duration_seconds_count{probe=\"p\",service=\"web\",step=\"all\"} 1")
                .doesNotContain("probe_success{probe=\"p\",service=\"web\",step=\"old-step\"}")
                .doesNotContain("probe_http_status_code{probe=\"p\",service=\"web\",step=\"old-step\"}")
                .doesNotContain("step=\"old-step\"");

        assertThat(text(registry)).contains("nightwatch_probe_last_run_timestamp_seconds{probe=\"p\",service=\"web\"}");
        assertThat(text(registry)).contains("nightwatch_probe_runs_total{probe=\"p\"")
                .contains("nightwatch_probe_runs_skipped_total{cause=\"still_running\",probe=\"p\"}");
        metrics.retain(List.of());
        // Removed from content: nothing of it stays in the scrape, however many probes come and go.
        assertThat(text(registry)).doesNotContain("probe=\"p\"");
        // Nor does a run that was under way when it was removed bring it back.
        metrics.record(new ProbeResult(UUID.randomUUID(), "p", "web", ProbeResult.SCHEDULED, Instant.now(), Instant.now(), 1, true,
                null, null, List.of(kept)));
        assertThat(text(registry)).doesNotContain("probe=\"p\"");
    }

    @Test
    void stepsARunDidNotReachLoseTheirLastValuesButKeepTheirHistory() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        ProbeMetrics metrics = new ProbeMetrics(registry);
        StepResult loginOk = new StepResult("login", null, true, null, null, 200, new PhaseTimings(0L, 0L, null, 1L, 0L), 1, null);
        StepResult planOk = new StepResult("create-plan", null, true, null, null, 201, new PhaseTimings(0L, 0L, null, 1L, 0L), 1, null);
        metrics.record(new ProbeResult(UUID.randomUUID(), "plan", "plan", ProbeResult.SCHEDULED, Instant.now(), Instant.now(), 2, true,
                null, null, List.of(loginOk, planOk)));
        assertThat(text(registry)).contains("probe_success{probe=\"plan\",service=\"plan\",step=\"create-plan\"} 1.0");

        StepResult loginFailed = new StepResult("login", null, false, Reason.STATUS, "status 500", 500,
                new PhaseTimings(0L, 0L, null, 1L, 0L), 1, null);
        metrics.record(new ProbeResult(UUID.randomUUID(), "plan", "plan", ProbeResult.SCHEDULED, Instant.now(), Instant.now(), 1, false,
                Reason.STATUS, "login", List.of(loginFailed)));
        assertThat(text(registry)).contains("probe_success{probe=\"plan\",service=\"plan\",step=\"login\"} 0.0")
                .contains("probe_success{probe=\"plan\",service=\"plan\",step=\"all\"} 0.0")
                .doesNotContain("probe_success{probe=\"plan\",service=\"plan\",step=\"create-plan\"}")
                .doesNotContain("probe_http_status_code{probe=\"plan\",service=\"plan\",step=\"create-plan\"}")
                .contains("nightwatch_probe_step_duration_seconds_count{probe=\"plan\",service=\"plan\",step=\"create-plan\"} 1");

        metrics.record(new ProbeResult(UUID.randomUUID(), "plan", "plan", ProbeResult.SCHEDULED, Instant.now(), Instant.now(), 2, true,
                null, null, List.of(loginOk, planOk)));
        assertThat(text(registry)).contains("probe_success{probe=\"plan\",service=\"plan\",step=\"create-plan\"} 1.0");
    }

    private static String text(PrometheusRegistry registry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }
}
