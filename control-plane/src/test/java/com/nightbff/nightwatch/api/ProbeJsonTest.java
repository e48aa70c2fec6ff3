package com.nightbff.nightwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.probes.PhaseTimings;
import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.ProbeService;
import com.nightbff.nightwatch.probes.Reason;
import com.nightbff.nightwatch.probes.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProbeJsonTest {

    private static final Probe PROBE = new Probe("auth-login", "auth", null, "log in", "http", Duration.ofSeconds(30),
            Duration.ofSeconds(10), 65536, List.of(), "probes/auth.yaml", null);

    @Test
    void noDataIsUnknownWithItsReasonNeverZero() {
        var overview = new ProbeService.Overview(PROBE, null, new ProbeService.WindowStatus("1h", 0, null, null, "no runs in the last 1h"),
                new ProbeService.WindowStatus("24h", 3, 2 / 3.0, 41.5, null), ProbeService.Overview.NO_RUN);
        ProbeJson json = ProbeJson.of(overview);
        assertThat(json.status()).isEqualTo("unknown");
        assertThat(json.statusReason()).isEqualTo("no run recorded yet");
        assertThat(json.lastRun()).isNull();
        assertThat(json.windows()).containsOnlyKeys("1h", "24h");
        assertThat(json.windows().get("1h")).isEqualTo(new ProbeJson.Window("unknown", 0, null, null, "no runs in the last 1h"));
        assertThat(json.windows().get("24h")).isEqualTo(new ProbeJson.Window("known", 3, 2 / 3.0, 41.5, null));
        assertThat(json.intervalSeconds()).isEqualTo(30.0);
    }

    @Test
    void aStaleRunIsStillTheLastRunButNotTheStatus() {
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        ProbeResult ok = new ProbeResult(UUID.randomUUID(), PROBE.name(), PROBE.service(), ProbeResult.SCHEDULED, at, at, 2_000_000,
                true, null, null, List.of());
        var none = new ProbeService.WindowStatus("1h", 0, null, null, "no runs in the last 1h");
        String reason = "no run since 2026-11-27T10:00:00Z (more than 3 intervals ago; was OK)";
        ProbeJson json = ProbeJson.of(new ProbeService.Overview(PROBE, ok, none, none, reason));
        assertThat(json.status()).isEqualTo("unknown");
        assertThat(json.statusReason()).isEqualTo(reason);
        assertThat(json.lastRun()).isNotNull();
        assertThat(json.lastRun().runId()).isEqualTo(ok.runId());
        assertThat(json.lastRun().startedAt()).isEqualTo(at);
        assertThat(json.lastRun().success()).isTrue();
    }

    @Test
    void aFreshRunIsTheStatus() {
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        ProbeResult failed = new ProbeResult(UUID.randomUUID(), PROBE.name(), PROBE.service(), ProbeResult.SCHEDULED, at, at, 2_000_000,
                false, Reason.STATUS, "login", List.of());
        var none = new ProbeService.WindowStatus("1h", 0, null, null, "no runs in the last 1h");
        ProbeJson json = ProbeJson.of(new ProbeService.Overview(PROBE, failed, none, none, null));
        assertThat(json.status()).isEqualTo("failing");
        assertThat(json.statusReason()).isNull();
        assertThat(json.lastRun().failedStep()).isEqualTo("login");
    }

    @Test
    void noResponseIsANullStatusAndAPhaseThatDidNotHappenIsNullNotZero() {
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        StepResult timedOut = new StepResult("login", null, false, Reason.TIMEOUT, "no complete response within 5s (the step's timeout)",
                0, new PhaseTimings(null, 580_000L, null, 5_000_000_000L, null), 5_001_000_000L, null);
        StepResult ok = new StepResult("me", null, true, null, null, 200, new PhaseTimings(0L, 0L, null, 1_500_000L, 0L), 2_000_000, null);
        ProbeResult run = new ProbeResult(UUID.randomUUID(), PROBE.name(), PROBE.service(), ProbeResult.SCHEDULED, at, at, 5_003_000_000L,
                false, Reason.TIMEOUT, "login", List.of(ok, timedOut));
        var none = new ProbeService.WindowStatus("1h", 0, null, null, "no runs in the last 1h");
        List<ProbeJson.Step> steps = ProbeJson.of(new ProbeService.Overview(PROBE, run, none, none, null)).lastRun().steps();

        assertThat(steps.get(0).statusCode()).isEqualTo(200);
        assertThat(steps.get(1).statusCode()).as("no response: null, not the metric's 0").isNull();
        Map<String, Double> phases = steps.get(1).phasesMs();
        assertThat(phases).containsOnlyKeys(PhaseTimings.PHASES);
        assertThat(phases.get("connect")).isEqualTo(0.58);
        assertThat(phases.get("processing")).isEqualTo(5000.0);
        assertThat(phases.get("resolve")).isNull();
        assertThat(phases.get("tls")).isNull();
        assertThat(phases.get("transfer")).isNull();
        assertThat(steps.get(0).phasesMs().get("resolve")).as("a measured 0 stays 0").isEqualTo(0.0);
    }

    @Test
    void aStoreOutageIsTheReason() {
        var down = new ProbeService.WindowStatus("1h", 0, null, null, "the result store is unavailable");
        var overview = new ProbeService.Overview(PROBE, null, down, down, "the result store is unavailable");
        assertThat(ProbeJson.of(overview).statusReason()).isEqualTo("the result store is unavailable");
    }
}
