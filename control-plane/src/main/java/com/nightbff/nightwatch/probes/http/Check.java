package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.Durations;
import com.nightbff.nightwatch.probes.JsonPath;
import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.Reason;
import com.nightbff.nightwatch.probes.Template;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A step's expectations and extractions against one response, in the order a person debugging
 * would want them: status, then duration, headers, body text, JSON, and finally extraction (a
 * value a later step needs is as much a requirement as an assertion).
 */
final class Check {

    /** A failed check. */
    record Outcome(Reason reason, String message) {
    }

    private final Probe.Step step;
    private final Response response;
    private final BoundedBody.Body body;
    private final JsonMapper mapper;
    private final Function<String, String> secrets;
    private final Map<String, String> variables;
    private final Instant now;
    private final Redactor redactor;
    private JsonNode json;

    Check(Probe.Step step, Response response, BoundedBody.Body body, JsonMapper mapper, Function<String, String> secrets,
          Map<String, String> variables, Instant now, Redactor redactor) {
        this.step = step;
        this.response = response;
        this.body = body;
        this.mapper = mapper;
        this.secrets = secrets;
        this.variables = variables;
        this.now = now;
        this.redactor = redactor;
    }

    Outcome run(long tookNanos) {
        Probe.Expect expect = step.expect();
        int code = response.code();
        boolean statusOk = expect.status().isEmpty() ? code >= 200 && code < 300 : expect.status().contains(code);
        if (!statusOk) {
            return new Outcome(Reason.STATUS, "status " + code + ", expected " + (expect.status().isEmpty() ? "2xx"
                    : expect.status().stream().sorted().map(String::valueOf).toList()));
        }
        try {
            if (expect.maxDuration() != null && tookNanos > expect.maxDuration().toNanos()) {
                return new Outcome(Reason.ASSERTION, "took " + Durations.format(Duration.ofNanos(tookNanos).truncatedTo(
                        java.time.temporal.ChronoUnit.MILLIS)) + ", more than maxDuration " + Durations.format(expect.maxDuration()));
            }
            for (Map.Entry<String, Template> h : expect.headers().entrySet()) {
                String expected = h.getValue().render(secrets, variables, now);
                String actual = response.header(h.getKey());
                if (!expected.equals(actual)) {
                    // The value the target sent follows the excerpt's rule for its header; the expected one is the
                    // content's, with secrets and masked variables in it scrubbed by value like all messages.
                    String shown = actual == null ? "absent" : "'" + redactor.header(h.getKey(), actual) + "'";
                    return new Outcome(Reason.ASSERTION, "header " + h.getKey() + " is " + shown + ", expected '" + expected + "'");
                }
            }
            for (Template t : expect.bodyContains()) {
                String expected = t.render(secrets, variables, now);
                if (!body.text().contains(expected)) {
                    return new Outcome(Reason.ASSERTION, "body does not contain '" + expected + "'");
                }
            }
            for (Probe.JsonAssertion a : expect.json()) {
                Outcome parsed = parse();
                if (parsed != null) {
                    return parsed;
                }
                String problem = Assertions.check(a, json, redactor);
                if (problem != null) {
                    return new Outcome(Reason.ASSERTION, problem);
                }
            }
            return extract();
        } catch (Template.MissingSecretException e) {
            return new Outcome(Reason.SECRET_MISSING, e.getMessage());
        }
    }

    private Outcome extract() {
        for (Map.Entry<String, JsonPath> e : step.extract().entrySet()) {
            Outcome parsed = parse();
            if (parsed != null) {
                return parsed;
            }
            List<JsonPath.Selected> nodes = e.getValue().selectWithFields(json);
            if (nodes.isEmpty() || nodes.get(0).node().isNull()) {
                return new Outcome(Reason.ASSERTION, "nothing at " + e.getValue() + " to extract into ${" + e.getKey() + "}");
            }
            String value = Assertions.text(nodes.get(0).node());
            redactor.extracted(e.getKey(), nodes.get(0), value);
            variables.put(e.getKey(), value);
        }
        return null;
    }

    private Outcome parse() {
        if (json != null) {
            return null;
        }
        try {
            json = mapper.readTree(body.bytes());
            return null;
        } catch (JacksonException e) {
            // Not the parser's message: it quotes the text it stopped at, which may be a token of a form-encoded
            // or truncated body. Where it stopped is enough to find it in the (redacted) excerpt.
            var at = e.getLocation();
            return new Outcome(Reason.ASSERTION, "the response is not JSON"
                    + (at == null ? "" : " (it does not parse at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }
}
