package com.nightbff.nightwatch.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuthTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void passwordHashesVerifyOnlyTheirPassword() {
        String hash = Passwords.hash("nightwatch-probe");
        assertThat(hash).startsWith("pbkdf2-sha256$10000$");
        assertThat(Passwords.matches("nightwatch-probe", hash)).isTrue();
        assertThat(Passwords.matches("nightwatch-probe2", hash)).isFalse();
        assertThat(Passwords.hash("x")).isNotEqualTo(Passwords.hash("x"));
        assertThat(Passwords.matches("x", "garbage")).isFalse();
    }

    @Test
    void jwtRoundTripsAndRejectsTamperingAndExpiry() {
        Jwt jwt = new Jwt("secret", Clock.fixed(NOW, ZoneOffset.UTC));
        String token = jwt.issue(42, "a@b.c");
        assertThat(jwt.verify(token)).contains(new Principal(42, "a@b.c"));
        assertThat(jwt.verify(token + "x")).isEmpty();
        assertThat(new Jwt("other", Clock.fixed(NOW, ZoneOffset.UTC)).verify(token)).isEmpty();
        Jwt later = new Jwt("secret", Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC));
        assertThat(later.verify(token)).isEmpty();
        assertThat(jwt.verify("not.a.jwt")).isEmpty();
    }
}
