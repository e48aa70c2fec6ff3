package com.nightbff.nightwatch.probes;

import com.nightbff.nightwatch.spec.SourcePosition;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One synthetic journey: a service it belongs to, a schedule, and ordered steps. Immutable; a
 * content change produces new instances and the scheduler compares them.
 */
public record Probe(String name, String service, String runbook, String description, String kind, Duration interval,
                    Duration timeout, long maxBodyBytes, List<Step> steps, String file, SourcePosition position) {

    public Probe {
        steps = List.copyOf(steps);
    }

    /** Every secret any step references, checked against the environment at validation. */
    public Set<String> secrets() {
        Set<String> out = new LinkedHashSet<>();
        steps.forEach(s -> out.addAll(s.secrets()));
        return out;
    }

    /** One HTTP exchange, its checks and what it hands on to later steps. */
    public record Step(String name, String dependency, Duration timeout, Request request, Expect expect,
                       Map<String, JsonPath> extract) {

        public Set<String> secrets() {
            Set<String> out = new LinkedHashSet<>(request.url().secrets());
            request.headers().values().forEach(t -> out.addAll(t.secrets()));
            request.form().values().forEach(t -> out.addAll(t.secrets()));
            BodyTemplates.collect(request.json(), t -> out.addAll(t.secrets()));
            expect.headers().values().forEach(t -> out.addAll(t.secrets()));
            expect.bodyContains().forEach(t -> out.addAll(t.secrets()));
            return out;
        }
    }

    /** A JSON body is plain data whose strings are {@link Template}s; form is mutually exclusive with it. */
    public record Request(String method, Template url, Map<String, Template> headers, Object json, Map<String, Template> form,
                          boolean followRedirects) {

        public Request {
            headers = Map.copyOf(headers);
            form = Map.copyOf(form);
        }
    }

    /** What a step's response must satisfy; an empty status set means any 2xx. */
    public record Expect(Set<Integer> status, List<JsonAssertion> json, Map<String, Template> headers,
                         List<Template> bodyContains, Duration maxDuration) {

        public Expect {
            status = Set.copyOf(status);
            json = List.copyOf(json);
            headers = Map.copyOf(headers);
            bodyContains = List.copyOf(bodyContains);
        }

        public static Expect any2xx() {
            return new Expect(Set.of(), List.of(), Map.of(), List.of(), null);
        }
    }

    /**
     * A check on the nodes a JSON path selects. With a wildcard, {@code equals}/{@code matches}/
     * {@code min}/{@code max} apply to every selected node, so "all results within the radius" is
     * one assertion.
     */
    public record JsonAssertion(JsonPath path, Boolean exists, Object equalTo, Pattern matches, Double min, Double max) {
    }
}
