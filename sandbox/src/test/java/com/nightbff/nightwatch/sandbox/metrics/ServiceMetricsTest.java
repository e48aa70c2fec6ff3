package com.nightbff.nightwatch.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

    @Test
    void histogramResolvesFiveMillisecondsToTwoSeconds() {
        ServiceMetrics metrics = new ServiceMetrics("auth");
        metrics.record("POST", "/api/auth/login", 200, 25_000_000);
        String text = metrics.scrape();
        for (String le : new String[] {"0.005", "0.01", "0.02", "0.03", "0.05", "0.1", "0.2", "0.25", "0.3", "0.4", "0.5", "1.0", "2.0"}) {
            assertThat(text).contains("le=\"" + le + "\"");
        }
        assertThat(text).contains("http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/auth/login\",service=\"auth\","
                + "status_code=\"200\",le=\"0.02\"} 0");
        assertThat(text).contains("http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/auth/login\",service=\"auth\","
                + "status_code=\"200\",le=\"0.03\"} 1");
        assertThat(text).contains("http_requests_total{method=\"POST\",route=\"/api/auth/login\",service=\"auth\","
                + "status_code=\"200\"} 1.0");
    }
}
