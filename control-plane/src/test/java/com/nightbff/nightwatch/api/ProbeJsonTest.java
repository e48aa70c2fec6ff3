package com.nightbff.nightwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.ProbeService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeJsonTest {

    private static final Probe PROBE = new Probe("auth-login", "auth", null, "log in", "http", Duration.ofSeconds(30),
            Duration.ofSeconds(10), 65536, List.of(), "probes/auth.yaml", null);

    @Test
    void noDataIsUnknownWithItsReasonNeverZero() {
        var overview = new ProbeService.Overview(PROBE, null, new ProbeService.WindowStatus("1h", 0, null, null, "no runs in the last 1h"),
                new ProbeService.WindowStatus("24h", 3, 2 / 3.0, 41.5, null), null);
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
    void aStoreOutageIsTheReason() {
        var down = new ProbeService.WindowStatus("1h", 0, null, null, "the result store is unavailable");
        var overview = new ProbeService.Overview(PROBE, null, down, down, "the result store is unavailable");
        assertThat(ProbeJson.of(overview).statusReason()).isEqualTo("the result store is unavailable");
    }
}
