package com.nightbff.nightwatch.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvFileTest {

    @Test
    void parsesDotenvLines() {
        Map<String, String> env = EnvFile.parse("# comment\nSERVICE_NAME=auth\n\nexport DB_POOL_SIZE = 12 \nQUOTED=\"a b\"\nbroken\n");
        assertThat(env).containsExactly(Map.entry("SERVICE_NAME", "auth"), Map.entry("DB_POOL_SIZE", "12"), Map.entry("QUOTED", "a b"));
    }

    @Test
    void invalidPoolSizeKeepsTheRunningOne() {
        ServiceSettings running = ServiceSettings.from(Map.of("DB_POOL_SIZE", "15"), ServiceSettings.defaults());
        assertThat(running.poolSize()).isEqualTo(15);
        assertThat(ServiceSettings.from(Map.of("DB_POOL_SIZE", "fifty"), running).poolSize()).isEqualTo(15);
        assertThat(ServiceSettings.from(Map.of("DB_POOL_SIZE", "0"), running).poolSize()).isEqualTo(15);
        assertThat(ServiceSettings.from(Map.of(), ServiceSettings.defaults()).poolSize()).isEqualTo(10);
    }

    @Test
    void venueSearchIsPostgisUnlessScan() {
        assertThat(ServiceSettings.from(Map.of("SANDBOX_VENUE_SEARCH", "SCAN"), ServiceSettings.defaults()).venueSearch())
                .isEqualTo("scan");
        assertThat(ServiceSettings.from(Map.of("SANDBOX_VENUE_SEARCH", "what"), ServiceSettings.defaults()).venueSearch())
                .isEqualTo("postgis");
    }

    @Test
    void databaseLatencyIsBoundedAndOffWhenRemoved() {
        ServiceSettings slow = ServiceSettings.from(Map.of("SANDBOX_DB_LATENCY_MS", "500"), ServiceSettings.defaults());
        assertThat(slow.dbLatencyMs()).isEqualTo(500);
        assertThat(ServiceSettings.from(Map.of("SANDBOX_DB_LATENCY_MS", "-1"), slow).dbLatencyMs()).isEqualTo(500);
        assertThat(ServiceSettings.from(Map.of("SANDBOX_DB_LATENCY_MS", "60000"), slow).dbLatencyMs()).isEqualTo(500);
        assertThat(ServiceSettings.from(Map.of(), slow).dbLatencyMs()).isZero();
    }
}
