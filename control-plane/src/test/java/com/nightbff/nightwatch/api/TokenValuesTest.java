package com.nightbff.nightwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenValuesTest {

    @Test
    void tokensAreRecognisableUrlSafeAndCarry256RandomBits() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String value = TokenValues.generate(random);
            assertThat(value).startsWith("nwt_").hasSize(4 + 43).matches("[A-Za-z0-9_-]+");
            assertThat(TokenValues.wellFormed(value)).isTrue();
            assertThat(TokenValues.displayPrefix(value)).hasSize(12).isEqualTo(value.substring(0, 12));
            assertThat(seen.add(value)).isTrue();
        }
    }

    @Test
    void malformedValuesAreRefusedBeforeAnyLookup() {
        for (String bad : new String[] {null, "", "nwt_", "Bearer nwt_x", "nwt_" + "a".repeat(42), "nwt_" + "a".repeat(44),
                "nwx_" + "a".repeat(43), "nwt_" + "a".repeat(42) + "=", "nwt_" + "a".repeat(42) + "\n"}) {
            assertThat(TokenValues.wellFormed(bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void theHashIsSha256HexAndNotTheValue() {
        String value = "nwt_" + "A".repeat(43);
        assertThat(TokenValues.hash(value)).hasSize(64).matches("[0-9a-f]+").doesNotContain("AAAA");
        assertThat(TokenValues.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void namesRolesAndExpiriesAreValidated() {
        assertThat(ApiTokens.invalid("ci-deploy.v2_x", "OPERATOR", null)).isNull();
        assertThat(ApiTokens.invalid("ci", "VIEWER", 30)).isNull();
        assertThat(ApiTokens.invalid("", "VIEWER", null)).contains("name");
        assertThat(ApiTokens.invalid("-x", "VIEWER", null)).contains("name");
        assertThat(ApiTokens.invalid("a b", "VIEWER", null)).contains("name");
        assertThat(ApiTokens.invalid("x".repeat(65), "VIEWER", null)).contains("name");
        assertThat(ApiTokens.invalid("ci", "ROOT", null)).contains("role");
        assertThat(ApiTokens.invalid("ci", null, null)).contains("role");
        assertThat(ApiTokens.invalid("ci", "VIEWER", 0)).contains("expiry");
        assertThat(ApiTokens.invalid("ci", "VIEWER", 3651)).contains("expiry");
    }
}
