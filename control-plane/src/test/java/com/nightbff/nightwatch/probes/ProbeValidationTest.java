package com.nightbff.nightwatch.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One tiny invalid file per validation rule, with the exact message printed for it. */
class ProbeValidationTest {

    static final String HEAD = "apiVersion: nightwatch/v1\nkind: Probe\nmetadata: {name: p, service: web}\n";

    static final String ONE_STEP = "spec:\n  steps: [{name: s, request: {url: \"${service:web}/\"}}]\n";

    /** A probe whose spec is the given lines (indented two spaces under spec:). */
    static String spec(String lines) {
        return HEAD + "spec:\n" + lines;
    }

    static String step(String stepLines) {
        return spec("  steps:\n    - name: s\n" + stepLines);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("invalid_name", HEAD.replace("name: p,", "name: P_1,") + ONE_STEP,
                        "probes/p.yaml:3:18: metadata.name: invalid_name: name 'P_1' must be lower-case letters, digits and '-' "
                                + "(hint: e.g. 'plan-creation')"),
                Arguments.of("unknown service", HEAD.replace("service: web", "service: webb") + ONE_STEP,
                        "probes/p.yaml:3:30: metadata.service: unknown_reference: no service named 'webb' in fleet.yaml "
                                + "(hint: did you mean 'web'?)"),
                Arguments.of("unknown_prober", spec("  kind: grpc\n  steps: [{name: s, request: {url: \"${service:web}/\"}}]\n"),
                        "probes/p.yaml:5:9: spec.kind: unknown_prober: no prober for kind 'grpc' (hint: supported: http)"),
                Arguments.of("duration without unit",
                        spec("  interval: 30\n  steps: [{name: s, request: {url: \"${service:web}/\"}}]\n"),
                        "probes/p.yaml:5:13: spec.interval: invalid_duration: '30' has no unit (hint: e.g. 30s, 300ms, 5m, 1h)"),
                Arguments.of("invalid_duration",
                        spec("  interval: 10 seconds\n  steps: [{name: s, request: {url: \"${service:web}/\"}}]\n"),
                        "probes/p.yaml:5:13: spec.interval: invalid_duration: '10 seconds' is not a duration "
                                + "(hint: e.g. 300ms, 10s, 5m, 1h)"),
                Arguments.of("interval out_of_range", spec("  interval: 500ms\n  timeout: 100ms\n"
                                + "  steps: [{name: s, request: {url: \"${service:web}/\"}}]\n"),
                        "probes/p.yaml:5:13: spec.interval: out_of_range: interval is 500ms, it must be between 1s and 24h"),
                Arguments.of("timeout longer than interval", spec("  interval: 5s\n  timeout: 10s\n"
                                + "  steps: [{name: s, request: {url: \"${service:web}/\"}}]\n"),
                        "probes/p.yaml:6:12: spec.timeout: invalid_value: timeout 10s is longer than the interval 5s "
                                + "(hint: a run must finish before the next one is due)"),
                Arguments.of("no steps", spec("  steps: []\n"),
                        "probes/p.yaml:5:10: spec.steps: invalid_value: a probe needs at least one step"),
                Arguments.of("duplicate step", spec("  steps:\n    - {name: s, request: {url: \"${service:web}/\"}}\n"
                                + "    - {name: s, request: {url: \"${service:web}/\"}}\n"),
                        "probes/p.yaml:7:14: spec.steps[1].name: duplicate_name: another step of this probe is named 's' "
                                + "(hint: step names must be unique within a probe)"),
                Arguments.of("reserved_name", spec("  steps: [{name: all, request: {url: \"${service:web}/\"}}]\n"),
                        "probes/p.yaml:5:18: spec.steps[0].name: reserved_name: 'all' is the step label of probe-level metrics "
                                + "(hint: choose another step name)"),
                Arguments.of("unknown dependency", step("      dependency: geocoder\n      request: {url: \"${service:web}/\"}\n"),
                        "probes/p.yaml:7:19: spec.steps[0].dependency: unknown_reference: no dependency named 'geocoder' in fleet.yaml "
                                + "(hint: declared: geocoding)"),
                Arguments.of("misspelt dependency", step("      dependency: geocodng\n      request: {url: \"${service:web}/\"}\n"),
                        "probes/p.yaml:7:19: spec.steps[0].dependency: unknown_reference: no dependency named 'geocodng' in fleet.yaml "
                                + "(hint: did you mean 'geocoding'?)"),
                Arguments.of("step timeout", step("      timeout: 20s\n      request: {url: \"${service:web}/\"}\n"),
                        "probes/p.yaml:7:16: spec.steps[0].timeout: invalid_value: step timeout 20s is longer than the probe timeout 10s"),
                Arguments.of("method", step("      request: {method: FETCH, url: \"${service:web}/\"}\n"),
                        "probes/p.yaml:7:25: spec.steps[0].request.method: invalid_value: method 'FETCH' is not supported "
                                + "(hint: one of DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT)"),
                Arguments.of("file url", step("      request: {url: \"file:///etc/passwd\"}\n"),
                        "probes/p.yaml:7:22: spec.steps[0].request.url: invalid_url: 'file:///etc/passwd' must be an http or https URL "
                                + "(hint: start it with ${service:NAME} or http(s)://)"),
                Arguments.of("ipv6 loopback", step("      request: {url: \"http://[::1]/\"}\n"),
                        "probes/p.yaml:7:22: spec.steps[0].request.url: target_not_allowed: host [::1] is not in the allow list "
                                + "(hint: probes may reach the hosts of fleet.yaml's services and dependencies and its allowHosts)"),
                Arguments.of("decimal loopback", step("      request: {url: \"http://2130706433/\"}\n"),
                        "probes/p.yaml:7:22: spec.steps[0].request.url: target_not_allowed: host 2130706433 is not in the allow list "
                                + "(hint: probes may reach the hosts of fleet.yaml's services and dependencies and its allowHosts)"),
                Arguments.of("unknown service reference", step("      request: {url: \"${service:api}/\"}\n"),
                        "probes/p.yaml:7:22: spec.steps[0].request.url: unknown_reference: no service named 'api' in fleet.yaml "
                                + "(hint: declared: web)"),
                Arguments.of("invalid_reference", step("      request: {url: \"${service:web}/${env:HOME}\"}\n"),
                        "probes/p.yaml:7:22: spec.steps[0].request.url: invalid_reference: unknown reference '${env:HOME}': use "
                                + "${service:NAME}, ${dependency:NAME}, ${secret:NAME}, ${now}, ${now+1d} or a variable extracted by an "
                                + "earlier step"),
                Arguments.of("now offset too large", step("      request: {url: \"${service:web}/?at=${now+99999999999999999999d}\"}\n"),
                        "probes/p.yaml:7:22: spec.steps[0].request.url: invalid_reference: unknown reference "
                                + "'${now+99999999999999999999d}': use ${service:NAME}, ${dependency:NAME}, ${secret:NAME}, ${now}, "
                                + "${now+1d} or a variable extracted by an earlier step"),
                Arguments.of("unknown_variable", step("      request: {url: \"${service:web}/x/${id}\"}\n"),
                        "probes/p.yaml:7:22: spec.steps[0].request.url: unknown_variable: variable ${id} is not extracted by an earlier "
                                + "step (hint: extract it with 'extract: {id: $.path}' in a previous step)"),
                Arguments.of("conflicting_fields", step("      request: {url: \"${service:web}/\", json: {a: 1}, form: {b: c}}\n"),
                        "probes/p.yaml:7:61: spec.steps[0].request.form: conflicting_fields: a request has either a json or a form "
                                + "body, not both (hint: remove one of them)"),
                Arguments.of("status range", step("      request: {url: \"${service:web}/\"}\n      expect: {status: 999}\n"),
                        "probes/p.yaml:8:24: spec.steps[0].expect.status: out_of_range: status 999 is not an HTTP status code (100-599)"),
                Arguments.of("invalid_json_path", step("      request: {url: \"${service:web}/\"}\n"
                                + "      expect: {json: {\"$.a[x]\": {exists: true}}}\n"),
                        "probes/p.yaml:8:23: spec.steps[0].expect.json.$.a[x]: invalid_json_path: '$.a[x]' is not a supported JSON "
                                + "path: '[x]' is not an index, '*' or a quoted name (hint: use $.field, $.list[0], $.list[*].field)"),
                Arguments.of("unclosed bracket, at the key", step("      request: {url: \"${service:web}/\"}\n"
                                + "      expect:\n        json:\n          \"$.venues[\": {exists: true}\n"),
                        "probes/p.yaml:10:11: spec.steps[0].expect.json.$.venues[: invalid_json_path: '$.venues[' is not a supported "
                                + "JSON path: '[' at position 9 is not closed (hint: use $.field, $.list[0], $.list[*].field)"),
                Arguments.of("empty assertion", step("      request: {url: \"${service:web}/\"}\n      expect: {json: {\"$.a\": {}}}\n"),
                        "probes/p.yaml:8:30: spec.steps[0].expect.json.$.a: invalid_value: the assertion on $.a checks nothing "
                                + "(hint: use exists, equals, matches, min or max)"),
                Arguments.of("invalid_regex", step("      request: {url: \"${service:web}/\"}\n"
                                + "      expect: {json: {\"$.a\": {matches: \"(\"}}}\n"),
                        "probes/p.yaml:8:40: spec.steps[0].expect.json.$.a.matches: invalid_regex: '(' is not a regular expression: "
                                + "Unclosed group"),
                Arguments.of("secret_missing", step("      request: {url: \"${service:web}/\", headers: {X-Key: \"${secret:API_KEY}\"}}\n"),
                        "probes/p.yaml:7:58: spec.steps[0].request.headers.X-Key: secret_missing: secret API_KEY is not set in the "
                                + "environment, or is empty (hint: export API_KEY (not empty) where Nightwatch runs, then restart it; "
                                + "secrets never live in content)"),
                Arguments.of("invalid secret name", step("      request: {url: \"${service:web}/${secret:api-key}\"}\n"),
                        "probes/p.yaml:7:22: spec.steps[0].request.url: invalid_reference: secret name 'api-key' must be an environment "
                                + "variable name (A-Z, 0-9, _)"),
                Arguments.of("plane's own secret",
                        step("      request: {url: \"${service:web}/?p=${secret:NIGHTWATCH_ADMIN_PASSWORD}\"}\n"),
                        "probes/p.yaml:7:22: spec.steps[0].request.url: invalid_reference: secret name 'NIGHTWATCH_ADMIN_PASSWORD' is "
                                + "the plane's own configuration, not a probe secret"),
                Arguments.of("extract variable name", step("      request: {url: \"${service:web}/\"}\n      extract: {my-token: $.t}\n"),
                        "probes/p.yaml:8:17: spec.steps[0].extract.my-token: invalid_name: variable 'my-token' must be letters, digits "
                                + "and '_' (hint: e.g. token)"),
                Arguments.of("maxBodyBytes", spec("  maxBodyBytes: 0\n  steps: [{name: s, request: {url: \"${service:web}/\"}}]\n"),
                        "probes/p.yaml:5:17: spec.maxBodyBytes: out_of_range: maxBodyBytes is 0, it must be between 1 and 67108864"),
                Arguments.of("unknown_field", step("      request: {url: \"${service:web}/\"}\n      expects: {status: 200}\n"),
                        "probes/p.yaml:8:7: spec.steps[0].expects: unknown_field: unknown field 'expects' (hint: did you mean 'expect'?)"),
                Arguments.of("wrong_kind", "apiVersion: nightwatch/v1\nkind: Fleet\n",
                        "probes/p.yaml:2:7: kind: wrong_kind: kind is 'Fleet', this file must hold a Probe (hint: use 'kind: Probe')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleHasItsExactMessage(String rule, String yaml, String expected) {
        MapContentSource source = ProbeFixtures.bundle("http://127.0.0.1:3010", "").put("probes/p.yaml", yaml);
        assertThat(ProbeFixtures.problems(source)).containsExactly(expected);
    }

    @Test
    void duplicateProbeNamesAcrossFilesAreRejected() {
        String probe = step("      request: {url: \"${service:web}/\"}\n");
        MapContentSource source = ProbeFixtures.bundle("http://127.0.0.1:3010", "").put("probes/a.yaml", probe)
                .put("probes/b.yaml", probe);
        assertThat(ProbeFixtures.problems(source)).containsExactly("probes/b.yaml:3:18: metadata.name: duplicate_name: another probe is "
                + "already named 'p' (probes/a.yaml:3:18) (hint: probe names must be unique across probes/)");
    }

    @Test
    void explicitAllowHostsAreReachable() {
        MapContentSource source = ProbeFixtures.bundle("http://127.0.0.1:3010", "allowHosts: [status.example.com]")
                .put("probes/p.yaml", step("      request: {url: \"https://status.example.com/health\"}\n"));
        assertThat(ProbeFixtures.problems(source)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unset", "", "  "})
    void aSecretMissingFromTheEnvironmentOrBlankThereMakesTheBundleInvalid(String value) {
        String probe = step("      request: {url: \"${service:web}/\", json: {p: \"${secret:PROBE_USER_PASSWORD}\"}}\n");
        MapContentSource source = ProbeFixtures.bundle("http://127.0.0.1:3010", "").put("probes/p.yaml", probe);
        // A blank line in an env file must not pass for a password: the probe would send it to the target.
        Map<String, String> env = value.equals("unset") ? Map.of() : Map.of("PROBE_USER_PASSWORD", value);
        List<String> problems = ProbeFixtures.load(source, env).problems().stream().map(p -> p.format()).toList();
        assertThat(problems).containsExactly("probes/p.yaml:7:47: spec.steps[0].request.json: secret_missing: secret PROBE_USER_PASSWORD "
                + "is not set in the environment, or is empty (hint: export PROBE_USER_PASSWORD (not empty) where Nightwatch runs, "
                + "then restart it; secrets never live in content)");
    }
}
