package com.nightbff.nightwatch.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An old last result is not the probe's state: it reads as unknown, with when it last ran. */
class ProbeFreshnessTest {

    private static final ProbeService.WindowStatus NONE = new ProbeService.WindowStatus("1h", 0, null, null, "no runs in the last 1h");

    @Test
    void aLastRunOlderThanThreeIntervalsIsUnknownNotOk() {
        Probe probe = ProbeFixtures.probes(ProbeFixtures.bundle("http://127.0.0.1:8081", "")
                .put("probes/p.yaml", ProbeFixtures.getProbe("/health", ""))).probes().get(0);
        Instant ran = Instant.parse("2026-11-27T10:00:00Z");
        ProbeResult ok = new ProbeResult(UUID.randomUUID(), probe.name(), probe.service(), ProbeResult.SCHEDULED, ran, ran, 1_000_000,
                true, null, null, List.of());
        Instant justFresh = ran.plus(probe.interval().multipliedBy(3)).plus(probe.timeout());

        ProbeService.Overview fresh = ProbeService.current(probe, ok, NONE, NONE, justFresh);
        assertThat(fresh.last()).isEqualTo(ok);
        assertThat(fresh.status()).isEqualTo("ok");
        assertThat(fresh.unknownReason()).isNull();
        ProbeService.Overview stale = ProbeService.current(probe, ok, NONE, NONE, justFresh.plusSeconds(1));
        assertThat(stale.status()).isEqualTo("unknown");
        assertThat(stale.unknownReason()).isEqualTo("no run since 2026-11-27T10:00:00Z (more than 3 intervals ago; was OK)");
        assertThat(stale.last()).as("the latest run is still the evidence, only not the status").isEqualTo(ok);
    }

    @Test
    void noRunAtAllIsUnknownWithoutARun() {
        Probe probe = ProbeFixtures.probes(ProbeFixtures.bundle("http://127.0.0.1:8081", "")
                .put("probes/p.yaml", ProbeFixtures.getProbe("/health", ""))).probes().get(0);
        ProbeService.Overview never = ProbeService.current(probe, null, NONE, NONE, Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(never.status()).isEqualTo("unknown");
        assertThat(never.unknownReason()).isEqualTo("no run recorded yet");
        assertThat(never.last()).isNull();
    }
}
