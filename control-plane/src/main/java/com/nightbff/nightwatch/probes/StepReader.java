package com.nightbff.nightwatch.probes;

import com.nightbff.nightwatch.spec.SpecMap;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads one step: request, expectations, extractions; checks targets and variable order. */
final class StepReader {

    static final List<String> METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    private final ProbeReader probe;
    private final SpecMap map;
    private final Duration probeTimeout;
    private final boolean probeTimeoutSound;
    private final Set<String> variables;

    /** {@code probeTimeoutSound} is false when the probe's own timeout was reported: step timeouts are then not compared with it. */
    StepReader(ProbeReader probe, SpecMap map, Duration probeTimeout, boolean probeTimeoutSound, Set<String> variables) {
        this.probe = probe;
        this.map = map;
        this.probeTimeout = probeTimeout;
        this.probeTimeoutSound = probeTimeoutSound;
        this.variables = variables;
    }

    Probe.Step read() {
        String name = ProbeReader.name(map, "name");
        if (ProbeReader.RESERVED_STEP.equals(name)) {
            map.problem("name", "reserved_name", "'" + ProbeReader.RESERVED_STEP + "' is the step label of probe-level metrics",
                    "choose another step name");
        }
        String dependency = map.string("dependency", false);
        if (dependency != null && probe.fleetKnown() && probe.fleet().dependency(dependency).isEmpty()) {
            map.problem("dependency", "unknown_reference", "no dependency named '" + dependency + "' in fleet.yaml",
                    ProbeReader.dependencyHint(probe.fleet(), dependency));
        }
        Duration timeout = ProbeReader.duration(map, "timeout", probeTimeout, ProbeReader.MIN_TIMEOUT, ProbeReader.MAX_INTERVAL);
        if (probeTimeoutSound && timeout.compareTo(probeTimeout) > 0) {
            map.problem("timeout", "invalid_value", "step timeout " + Durations.format(timeout) + " is longer than the probe timeout "
                    + Durations.format(probeTimeout), null);
        }
        Probe.Request request = map.map("request", true).map(this::request).orElse(null);
        Probe.Expect expect = map.map("expect", false).map(this::expect).orElse(Probe.Expect.any2xx());
        Map<String, JsonPath> extract = extract();
        map.finish();
        if (request == null) {
            return null;
        }
        return new Probe.Step(name, dependency, timeout, request, expect, extract);
    }

    private Probe.Request request(SpecMap m) {
        String method = m.string("method", "GET");
        if (!METHODS.contains(method)) {
            m.problem("method", "invalid_value", "method '" + method + "' is not supported", "one of " + String.join(", ", METHODS));
        }
        String urlText = m.string("url", true);
        int before = m.problems().size();
        Template url = urlText == null ? null : stringTemplate(m, "url", urlText);
        if (url != null && m.problems().size() == before) {
            checkUrl(m, url);
        }
        Map<String, Template> headers = templateMap(m, "headers");
        Object json = m.has("json") ? jsonBody(m, m.plain("json").orElse(null)) : null;
        Map<String, Template> form = templateMap(m, "form");
        if (json != null && !form.isEmpty()) {
            m.problem("form", "conflicting_fields", "a request has either a json or a form body, not both", "remove one of them");
        }
        boolean followRedirects = m.bool("followRedirects", false);
        m.finish();
        return url == null ? null : new Probe.Request(method, url, headers, json, form, followRedirects);
    }

    /** A URL must be http(s) to a listed host once service references are substituted. */
    private void checkUrl(SpecMap m, Template url) {
        String sample = url.render(s -> "secret", fakeVariables(url), java.time.Instant.EPOCH);
        URI uri;
        try {
            uri = new URI(sample);
        } catch (URISyntaxException e) {
            m.problem("url", "invalid_url", "'" + url.source() + "' is not a URL: " + e.getReason(), "e.g. ${service:auth}/health");
            return;
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            m.problem("url", "invalid_url", "'" + url.source() + "' must be an http or https URL",
                    "start it with ${service:NAME} or http(s)://");
            return;
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            m.problem("url", "invalid_url", "'" + url.source() + "' has no host", "e.g. ${service:auth}/health");
            return;
        }
        if (probe.fleetKnown() && !probe.allowList().allowsHost(host)) {
            m.problem("url", "target_not_allowed", "host " + host + " is not in the allow list",
                    "probes may reach the hosts of fleet.yaml's services and dependencies and its allowHosts");
        }
    }

    private Map<String, String> fakeVariables(Template t) {
        Map<String, String> out = new LinkedHashMap<>();
        t.variables().forEach(v -> out.put(v, "x"));
        return out;
    }

    private Probe.Expect expect(SpecMap m) {
        Set<Integer> status = status(m);
        List<Probe.JsonAssertion> json = new ArrayList<>();
        m.map("json", false).ifPresent(paths -> {
            for (String path : paths.keys()) {
                paths.map(path, true).map(a -> assertion(paths, path, a)).ifPresent(json::add);
            }
        });
        Map<String, Template> headers = templateMap(m, "headers");
        List<Template> bodyContains = new ArrayList<>();
        if (m.has("bodyContains")) {
            for (String text : m.stringList("bodyContains")) {
                bodyContains.add(stringTemplate(m, "bodyContains", text));
            }
        }
        Duration maxDuration = m.has("maxDuration")
                ? ProbeReader.duration(m, "maxDuration", null, Duration.ofMillis(1), ProbeReader.MAX_INTERVAL) : null;
        m.finish();
        return new Probe.Expect(status, json, headers, bodyContains, maxDuration);
    }

    private Set<Integer> status(SpecMap m) {
        Object value = m.plain("status").orElse(null);
        Set<Integer> out = new HashSet<>();
        List<?> items = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        for (Object item : items) {
            if (!(item instanceof Long code)) {
                m.problem("status", "wrong_type", "expected a status code or a list of them, got '" + item + "'", "e.g. 200 or [200, 201]");
            } else if (code < 100 || code > 599) {
                m.problem("status", "out_of_range", "status " + code + " is not an HTTP status code (100-599)", null);
            } else {
                out.add(code.intValue());
            }
        }
        return out;
    }

    private Probe.JsonAssertion assertion(SpecMap parent, String pathText, SpecMap a) {
        JsonPath path = null;
        try {
            path = JsonPath.parse(pathText);
        } catch (IllegalArgumentException e) {
            parent.keyProblem(pathText, "invalid_json_path", "'" + pathText + "' is not a supported JSON path: " + e.getMessage(),
                    "use $.field, $.list[0], $.list[*].field");
        }
        int before = a.problems().size();
        Boolean exists = a.bool("exists", null);
        Object equalTo = a.has("equals") ? a.plain("equals").orElse(null) : null;
        String regex = a.string("matches", false);
        Pattern matches = null;
        if (regex != null) {
            try {
                matches = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                a.problem("matches", "invalid_regex", "'" + regex + "' is not a regular expression: " + e.getDescription(), null);
            }
        }
        Double min = a.number("min", null, false, -Double.MAX_VALUE, Double.MAX_VALUE);
        Double max = a.number("max", null, false, -Double.MAX_VALUE, Double.MAX_VALUE);
        // A check written with a wrong type was reported as such; "checks nothing" would only repeat it, less precisely.
        if (exists == null && equalTo == null && regex == null && min == null && max == null && a.problems().size() == before) {
            parent.problem(pathText, "invalid_value", "the assertion on " + pathText + " checks nothing",
                    "use exists, equals, matches, min or max");
        }
        a.finish();
        return path == null ? null : new Probe.JsonAssertion(path, exists, equalTo, matches, min, max);
    }

    private Map<String, JsonPath> extract() {
        Map<String, JsonPath> out = new LinkedHashMap<>();
        map.map("extract", false).ifPresent(e -> {
            for (String variable : e.keys()) {
                String pathText = e.string(variable, true);
                if (!variable.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                    e.keyProblem(variable, "invalid_name", "variable '" + variable + "' must be letters, digits and '_'", "e.g. token");
                    continue;
                }
                if (pathText == null) {
                    continue;
                }
                try {
                    out.put(variable, JsonPath.parse(pathText));
                } catch (IllegalArgumentException ex) {
                    e.problem(variable, "invalid_json_path", "'" + pathText + "' is not a supported JSON path: " + ex.getMessage(),
                            "use $.field, $.list[0]");
                }
            }
        });
        variables.addAll(out.keySet());
        return out;
    }

    private Map<String, Template> templateMap(SpecMap m, String key) {
        Map<String, Template> out = new LinkedHashMap<>();
        m.map(key, false).ifPresent(inner -> {
            for (String k : inner.keys()) {
                String v = inner.string(k, true);
                if (v != null) {
                    out.put(k, stringTemplate(inner, k, v));
                }
            }
        });
        return out;
    }

    private Object jsonBody(SpecMap m, Object value) {
        return BodyTemplates.mapLeaves(value, leaf -> leaf instanceof String text ? stringTemplate(m, "json", text) : leaf);
    }

    /** A template whose variables must have been extracted by an earlier step and whose secrets must exist. */
    private Template stringTemplate(SpecMap m, String key, String text) {
        Template t = probe.template(m, key, text);
        for (String variable : t.variables()) {
            if (!variables.contains(variable)) {
                m.problem(key, "unknown_variable", "variable ${" + variable + "} is not extracted by an earlier step",
                        "extract it with 'extract: {" + variable + ": $.path}' in a previous step");
            }
        }
        probe.checkSecrets(m, key, t);
        return t;
    }
}
