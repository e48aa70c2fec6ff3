package com.nightbff.nightwatch.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    private final SecretMask mask = new SecretMask(Map.of("PIN", "p\"w/d x", "SHORT", "ab"));

    @Test
    void masksEveryEncodingButNotValuesTooShortToMaskSafely() {
        assertThat(mask.text("a p\"w/d x b p\\\"w\\/d x c p%22w%2Fd+x ab"))
                .isEqualTo("a [secret:PIN] b [secret:PIN] c [secret:PIN] ab");
        assertThat(mask.text(null)).isNull();
    }

    @Test
    void aSecretThatStartsWithAnotherIsMaskedWhole() {
        SecretMask overlapping = new SecretMask(new java.util.LinkedHashMap<>(Map.of("SHORTER", "nightwatch")) {
            {
                put("LONGER", "nightwatch-probe");
            }
        });
        assertThat(overlapping.text("user nightwatch-probe and nightwatch")).isEqualTo("user [secret:LONGER] and [secret:SHORTER]");
    }

    @Test
    void masksTheTextsOfEveryStepAndKeepsTheRest() {
        StepResult step = new StepResult("login", "geocoding", false, Reason.STATUS, "got p\"w/d x", 500, null, 42,
                "{\"pin\":\"p\\\"w\\/d x\"}");
        ProbeResult run = new ProbeResult(UUID.randomUUID(), "auth-login", "auth", ProbeResult.SCHEDULED, Instant.EPOCH, Instant.EPOCH,
                42, false, Reason.STATUS, "login", List.of(step));
        ProbeResult masked = mask.result(run);
        assertThat(masked.steps()).singleElement().satisfies(s -> {
            assertThat(s.message()).isEqualTo("got [secret:PIN]");
            assertThat(s.excerpt()).isEqualTo("{\"pin\":\"[secret:PIN]\"}");
            assertThat(s.statusCode()).isEqualTo(500);
            assertThat(s.dependency()).isEqualTo("geocoding");
        });
        assertThat(masked.runId()).isEqualTo(run.runId());
        assertThat(masked.failedStep()).isEqualTo("login");
        assertThat(new SecretMask(Map.of()).result(run)).isSameAs(run);
    }
}
