package com.nightbff.nightwatch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SandboxOptionsTest {

    @Test
    void defaultsAndFlags() {
        SandboxOptions d = SandboxOptions.parse();
        assertThat(d.dataDir()).isEqualTo(Path.of(".nightwatch/sandbox"));
        assertThat(d.redisUrl()).isEqualTo("redis://127.0.0.1:6379/5");
        SandboxOptions o = SandboxOptions.parse("--env-dir", ".nightwatch/content/deploy", "--port-offset=1000",
                "--redis-url", "redis://127.0.0.1:6379", "--jdbc-url", "jdbc:postgresql://h/db");
        assertThat(o.envDir()).isEqualTo(Path.of(".nightwatch/content/deploy"));
        assertThat(o.portOffset()).isEqualTo(1000);
        assertThat(o.redisUrl()).isEqualTo("redis://127.0.0.1:6379/5");
        assertThat(o.jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(SandboxOptions.parse("--redis-url", "redis://127.0.0.1:6379/2").redisUrl()).endsWith("/2");
        assertThat(SandboxOptions.parse("--redis-url", "none").redisUrl()).isEqualTo("none");
        assertThatThrownBy(() -> SandboxOptions.parse("--nope", "1")).hasMessageContaining("unknown flag --nope");
        assertThatThrownBy(() -> SandboxOptions.parse("--env-dir")).hasMessageContaining("needs a value");
    }
}
