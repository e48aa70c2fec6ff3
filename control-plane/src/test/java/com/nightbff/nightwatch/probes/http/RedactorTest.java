package com.nightbff.nightwatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.probes.JsonPath;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One name rule for headers, JSON fields, parameters, variables and the values messages quote. */
class RedactorTest {

    private final Redactor redactor = new Redactor();

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    private String quote(String path, String body) {
        return redactor.quote(JsonPath.parse(path).selectWithFields(json(body)).get(0));
    }

    @Test
    void longStringsInABodyAreScannedWithoutExhaustingTheStack() {
        // A failing target's HTML page or stack trace: long runs between quotes, the whole body (1 MiB) scrubbed.
        String unterminated = "\"" + "x".repeat(1 << 20);
        assertThat(redactor.scrub(unterminated)).isEqualTo(unterminated);
        String longValue = "{\"trace\":\"" + "at a.b(C.java:1) ".repeat(50_000) + "\",\"accessToken\":\"eyJ.secret\"}";
        assertThat(redactor.scrub(longValue)).endsWith("\",\"accessToken\":\"[masked]\"}").doesNotContain("eyJ.secret");
        String escaped = "{\"note\":\"" + "\\\"q\\\" ".repeat(100_000) + "\",\"password\":\"hunter2\"}";
        assertThat(redactor.scrub(escaped)).endsWith("\"password\":\"[masked]\"}");
    }

    @Test
    void credentialNamesAreSensitiveButATypeNameIsNot() {
        assertThat(SensitiveNames.sensitive("accessToken")).isTrue();
        assertThat(SensitiveNames.sensitive("refresh_token")).isTrue();
        assertThat(SensitiveNames.sensitive("X-Api-Key")).isTrue();
        assertThat(SensitiveNames.sensitive("Proxy-Authorization")).isTrue();
        assertThat(SensitiveNames.sensitive("Set-Cookie")).isTrue();
        assertThat(SensitiveNames.sensitive("sessionId")).isTrue();
        assertThat(SensitiveNames.sensitive("clientSecret")).isTrue();
        assertThat(SensitiveNames.sensitive("password")).isTrue();
        assertThat(SensitiveNames.sensitive("jwt")).isTrue();
        assertThat(SensitiveNames.sensitive("tokenType")).isFalse();
        assertThat(SensitiveNames.sensitive("token_type")).isFalse();
        assertThat(SensitiveNames.sensitive("email")).isFalse();
        assertThat(SensitiveNames.sensitive("expiresIn")).isFalse();
    }

    @Test
    void aSensitiveFieldLosesItsWholeValueWhateverItsType() {
        String body = "{\"accessToken\":\"eyJ.a.b\",\"tokenType\":\"Bearer\",\"expiresIn\":3600,\"pinToken\":123456,"
                + "\"session\":{\"id\":\"s-1\",\"tags\":[\"a\",\"}\"]},\"secrets\":[\"x\",{\"y\":1}],\"apiKey\":null,"
                + "\"sessionExpired\":false,\"note\":\"say \\\"token\\\": \\\"hi\\\"\",\"user\":{\"password\" : \"p\\\"w\"}}";
        assertThat(redactor.scrub(body)).isEqualTo("{\"accessToken\":\"[masked]\",\"tokenType\":\"Bearer\",\"expiresIn\":3600,"
                + "\"pinToken\":\"[masked]\",\"session\":\"[masked]\",\"secrets\":\"[masked]\",\"apiKey\":null,"
                + "\"sessionExpired\":false,\"note\":\"say \\\"token\\\": \\\"hi\\\"\",\"user\":{\"password\" : \"[masked]\"}}");
    }

    @Test
    void aValueCutOffByTheExcerptIsMaskedToTheEndNotLeftAsAPrefix() {
        assertThat(redactor.scrub("{\"user\":\"u\",\"refreshToken\":\"eyJhbGciOiJIUzI1")).isEqualTo(
                "{\"user\":\"u\",\"refreshToken\":\"[masked]\"");
        assertThat(redactor.scrub("{\"session\":{\"id\":\"abc")).isEqualTo("{\"session\":\"[masked]\"");
    }

    @Test
    void sensitiveQueryAndFormParametersAreMasked() {
        assertThat(redactor.scrub("redirect to /cb?access_token=tok-1&state=ok not followed"))
                .isEqualTo("redirect to /cb?access_token=[masked]&state=ok not followed");
        assertThat(redactor.scrub("access_token=abc123&token_type=bearer&expires_in=3600"))
                .isEqualTo("access_token=[masked]&token_type=bearer&expires_in=3600");
        assertThat(redactor.scrub("HTTP 302\nLocation: https://x/cb#id_token=e30&session_state=s1\n"))
                .isEqualTo("HTTP 302\nLocation: https://x/cb#id_token=[masked]&session_state=[masked]\n");
        String masked = redactor.scrub("{\"token\":\"abc\"} a?password=x");
        assertThat(redactor.scrub(masked)).as("idempotent: the read path may scrub again").isEqualTo(masked);
    }

    @Test
    void headersFollowTheSameRule() {
        assertThat(redactor.header("Authorization", "Bearer abc")).isEqualTo("[masked]");
        assertThat(redactor.header("X-Session-Id", "s-1")).isEqualTo("[masked]");
        assertThat(redactor.header("X-Token-Type", "Bearer")).isEqualTo("Bearer");
        assertThat(redactor.header("Location", "/cb?token=abc")).isEqualTo("/cb?token=[masked]");
    }

    @Test
    void aQuotedValueIsMaskedWhenReadFromOrUnderASensitiveFieldHoweverThePathGotThere() {
        String body = "{\"accessToken\":\"eyJ.a.b\",\"tokenType\":\"Bearer\",\"session\":{\"id\":\"s-1\"},"
                + "\"auth\":{\"refreshToken\":\"r-1\"},\"list\":[{\"apiKey\":\"k-1\"}]}";
        assertThat(quote("$.accessToken", body)).isEqualTo("[masked]");
        assertThat(quote("$['accessToken']", body)).isEqualTo("[masked]");
        assertThat(quote("$.session.id", body)).isEqualTo("[masked]");
        assertThat(quote("$.auth.*", body)).as("a wildcard's member name counts").isEqualTo("[masked]");
        assertThat(quote("$.list[*].apiKey", body)).isEqualTo("[masked]");
        assertThat(quote("$.tokenType", body)).isEqualTo("\"Bearer\"");
        assertThat(quote("$.auth", body)).isEqualTo("{\"refreshToken\":\"[masked]\"}");
    }

    @Test
    void aLongQuotedValueIsMaskedBeforeItIsShortened() {
        String body = "{\"auth\":{\"padding\":\"" + "p".repeat(100) + "\",\"refreshToken\":\"r-0123456789abcdef\"}}";
        assertThat(quote("$.auth", body)).hasSize(Redactor.MAX_QUOTE).endsWith("...").doesNotContain("r-01");
        redactor.secret("S", "q".repeat(20));
        String secretAcrossTheCut = "{\"a\":\"" + "p".repeat(100) + "qqqqqqqqqqqqqqqqqqqq\"}";
        assertThat(quote("$.a", secretAcrossTheCut)).doesNotContain("qqq");
    }

    @Test
    void anExtractedValueIsMaskedWhenItsVariableOrAnyFieldOnItsWayIsSensitive() {
        String body = "{\"data\":{\"accessToken\":\"value-from-token\"},\"plain\":\"value-from-plain\",\"sess\":\"value-from-sess\"}";
        redactor.extracted("t", JsonPath.parse("$.data.accessToken").selectWithFields(json(body)).get(0), "value-from-token");
        redactor.extracted("x", JsonPath.parse("$.plain").selectWithFields(json(body)).get(0), "value-from-plain");
        redactor.extracted("sessionId", JsonPath.parse("$.sess").selectWithFields(json(body)).get(0), "value-from-sess");
        assertThat(redactor.scrub("saw value-from-token, value-from-plain and value-from-sess"))
                .isEqualTo("saw [masked], value-from-plain and [masked]");
    }
}
