package com.nightbff.nightwatch.sandbox.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadResultTest {

    @Test
    void percentilesAndSummary() {
        long[] micros = new long[100];
        for (int i = 0; i < 100; i++) {
            micros[i] = (i + 1) * 1000L;
        }
        LoadResult result = new LoadResult(100, 90, Map.of("53300", 7L, "http_400", 3L), micros, 10, 100);
        assertThat(result.percentileMs(50)).isEqualTo(50.0);
        assertThat(result.percentileMs(95)).isEqualTo(95.0);
        assertThat(result.percentileMs(99)).isEqualTo(99.0);
        assertThat(result.errors53300()).isEqualTo(7);
        assertThat(result.errorsOther()).isEqualTo(3);
        assertThat(result.figures("fit_", "8x10")).startsWith("fit_pools=8x10 fit_requests=100 fit_ok=90 fit_errors_53300=7");
    }

    @Test
    void failuresAreClassifiedBySqlState() {
        byte[] tooMany = "{\"statusCode\":500,\"message\":\"sorry, too many clients already\",\"code\":\"53300\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(LoadDriver.cause(500, tooMany)).isEqualTo("53300");
        assertThat(LoadDriver.cause(400, "{\"statusCode\":400}".getBytes(StandardCharsets.UTF_8))).isEqualTo("http_400");
        assertThat(LoadDriver.cause(502, "oops".getBytes(StandardCharsets.UTF_8))).isEqualTo("http_502");
    }

    @Test
    void onlyLoopbackTargets() {
        assertThatThrownBy(() -> new Target("x", "GET", URI.create("http://10.0.0.1:3010/"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
