package com.nightbff.nightwatch.probes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.probes.ProbeFixtures;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.Reason;
import com.nightbff.nightwatch.probes.StepResult;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Step messages quote response data under the excerpt's rule: a value read from or under a sensitive
 * field, or a variable extracted from one, reads as [masked] in every message of the run.
 */
class HttpProberRedactionTest {

    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwcm9iZSJ9.c2lnbmF0dXJl";
    static final String LOGIN = "{\"accessToken\":\"" + TOKEN + "\",\"tokenType\":\"Bearer\",\"expiresIn\":3600,"
            + "\"session\":{\"id\":\"sess-0123456789\"},\"auth\":{\"refreshToken\":\"refresh-0123456789\"},\"user\":{\"id\":7}}";

    private TestTargets targets;
    private HttpServer server;

    @BeforeEach
    void setUp() throws Exception {
        targets = new TestTargets();
        server = targets.http();
        server.createContext("/login", TestTargets.fixed(200, LOGIN, "Content-Type", "application/json"));
        server.createContext("/me", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String bearer = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replace("Bearer ", "");
            TestTargets.reply(exchange, 200, "{\"seen\":\"" + bearer + "\"}", "X-Echo", bearer, "X-Session-Id", "sess-0123456789");
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        targets.close();
    }

    private ProbeResult login(String expect, String laterSteps) {
        return login(expect, "{t: $.accessToken}", laterSteps);
    }

    private ProbeResult login(String expect, String extract, String laterSteps) {
        String probe = ProbeFixtures.PROBE_P + """
                    - name: login
                      request: {method: POST, url: "${service:web}/login", json: {email: "${secret:PROBE_USER_EMAIL}"}}
                      expect: %s
                      extract: %s
                %s""".formatted(expect, extract, laterSteps);
        return HttpProberFaultTest.run(TestTargets.base(server), probe);
    }

    private static StepResult failed(ProbeResult result) {
        assertThat(result.success()).isFalse();
        StepResult step = result.steps().get(result.steps().size() - 1);
        assertThat(step.reason()).isEqualTo(Reason.ASSERTION);
        assertThat(step.message()).doesNotContain(TOKEN).doesNotContain("eyJ").doesNotContain("0123456789");
        assertThat(step.excerpt()).doesNotContain(TOKEN).doesNotContain("0123456789");
        return step;
    }

    @Test
    void aFailedAssertionOnATokenFieldMasksTheValueAsTheExcerptDoes() {
        StepResult step = failed(login("{json: {\"$.accessToken\": {matches: \"nope\"}}}", ""));
        assertThat(step.message()).isEqualTo("$.accessToken is [masked], expected it to match nope");
        assertThat(step.excerpt()).contains("\"accessToken\":\"[masked]\"");
    }

    @Test
    void aTokenTypeIsNotASecretInTheMessageNorInTheExcerpt() {
        ProbeResult result = login("{json: {\"$.tokenType\": {equals: \"Basic\"}}}", "");
        StepResult step = failed(result);
        assertThat(step.message()).isEqualTo("$.tokenType is \"Bearer\", expected Basic");
        assertThat(step.excerpt()).contains("\"tokenType\":\"Bearer\"").contains("\"expiresIn\":3600");
    }

    @Test
    void valuesUnderASensitiveFieldOrReachedByAWildcardThroughOneAreMasked() {
        assertThat(failed(login("{json: {\"$.session.id\": {equals: \"x\"}}}", "")).message())
                .isEqualTo("$.session.id is [masked], expected x");
        assertThat(failed(login("{json: {\"$.auth.*\": {matches: \"x\"}}}", "")).message())
                .isEqualTo("$.auth.* is [masked], expected it to match x");
        assertThat(failed(login("{json: {\"$.auth\": {equals: \"x\"}}}", "")).message())
                .isEqualTo("$.auth is {\"refreshToken\":\"[masked]\"}, expected x");
        assertThat(failed(login("{json: {\"$.session.id\": {min: 1}}}", "")).message())
                .isEqualTo("$.session.id is [masked], expected a number");
        StepResult excerpt = failed(login("{json: {\"$.user.id\": {max: 1}}}", ""));
        assertThat(excerpt.message()).isEqualTo("$.user.id is 7, above max 1.0");
        assertThat(excerpt.excerpt()).contains("\"session\":\"[masked]\"").contains("\"auth\":{\"refreshToken\":\"[masked]\"}");
    }

    @Test
    void aTokenExtractedIntoAPlainVariableNeverAppearsInALaterStepsMessage() {
        String me = """
                    - name: me
                      request: {url: "${service:web}/me", headers: {Authorization: "Bearer ${t}"}}
                      expect: %s
                """;
        ProbeResult header = login("{status: 200}", me.formatted("{headers: {X-Echo: \"${t}-expected\"}}"));
        assertThat(header.steps().get(0).success()).isTrue();
        assertThat(failed(header).message()).isEqualTo("header X-Echo is '[masked]', expected '[masked]-expected'");
        assertThat(failed(login("{status: 200}", me.formatted("{bodyContains: [\"${t}!\"]}"))).message())
                .isEqualTo("body does not contain '[masked]!'");
        StepResult echoed = failed(login("{status: 200}", me.formatted("{json: {\"$.seen\": {equals: \"x\"}}}")));
        assertThat(echoed.message()).isEqualTo("$.seen is \"[masked]\", expected x");
        assertThat(echoed.excerpt()).contains("\"seen\":\"[masked]\"").contains("X-echo: [masked]");

        // Reached through a wildcard: the path names no sensitive field, the member it went through does.
        String meWithRefresh = me.replace("${t}", "${r}").formatted("{json: {\"$.seen\": {equals: \"x\"}}}");
        StepResult refresh = failed(login("{status: 200}", "{r: \"$.auth.*\"}", meWithRefresh));
        assertThat(refresh.message()).isEqualTo("$.seen is \"[masked]\", expected x");
    }

    @Test
    void aSensitiveResponseHeaderIsMaskedInAHeaderAssertion() {
        String me = """
                    - name: me
                      request: {url: "${service:web}/me"}
                      expect: {headers: {X-Session-Id: expected-session}}
                """;
        assertThat(failed(login("{status: 200}", me)).message())
                .isEqualTo("header X-Session-Id is '[masked]', expected 'expected-session'");
    }

    @Test
    void aTokenInARedirectLocationIsMaskedInTheMessageAndTheExcerpt() {
        String urlToken = "url-token-a1b2c3d4e5";
        server.createContext("/sso", TestTargets.fixed(302, "", "Location", "/cb?access_token=" + urlToken + "&state=s1"));
        String sso = """
                    - name: sso
                      request: {url: "${service:web}/sso"}
                """;
        StepResult step = login("{status: 200}", sso).steps().get(1);
        assertThat(step.reason()).isEqualTo(Reason.REDIRECT_BLOCKED);
        assertThat(step.message()).isEqualTo("redirect to /cb?access_token=[masked]&state=s1 not followed (followRedirects is false)");
        assertThat(step.excerpt()).contains("Location: /cb?access_token=[masked]&state=s1").doesNotContain(urlToken);
    }

    @Test
    void aBodyThatIsNotJsonIsReportedWithoutQuotingIt() {
        server.createContext("/form", TestTargets.fixed(200, "access_token=" + TOKEN + "&token_type=bearer"));
        String form = """
                    - name: form
                      request: {url: "${service:web}/form"}
                      expect: {json: {"$.access_token": {exists: true}}}
                """;
        StepResult step = failed(login("{status: 200}", form));
        assertThat(step.message()).startsWith("the response is not JSON (it does not parse at line 1, column ");
        assertThat(step.excerpt()).endsWith("access_token=[masked]&token_type=bearer");
    }
}
