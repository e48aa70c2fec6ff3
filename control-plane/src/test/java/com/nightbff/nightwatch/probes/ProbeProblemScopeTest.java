package com.nightbff.nightwatch.probes;

import static com.nightbff.nightwatch.probes.ProbeValidationTest.HEAD;
import static com.nightbff.nightwatch.probes.ProbeValidationTest.spec;
import static com.nightbff.nightwatch.probes.ProbeValidationTest.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One mistake gives one problem, at what was written, and no mistake hides another: a value already
 * reported is not compared with anything, a default is never blamed as if written, and a missing
 * part or a broken file leaves the rest of the bundle checked.
 */
class ProbeProblemScopeTest {

    private static final String URL_STEP = "  steps: [{name: s, request: {url: \"${service:web}/\"}}]\n";

    private static MapContentSource probe(String yaml) {
        return ProbeFixtures.bundle("http://127.0.0.1:3010", "").put("probes/p.yaml", yaml);
    }

    @Test
    void aTimeoutOutOfRangeIsOneProblemNotAlsoAComparisonWithTheDefault() {
        assertThat(ProbeFixtures.problems(probe(spec("  interval: 1s\n  timeout: 1ms\n" + URL_STEP)))).containsExactly(
                "probes/p.yaml:6:12: spec.timeout: out_of_range: timeout is 1ms, it must be between 10ms and 24h");
    }

    @Test
    void anIntervalOutOfRangeIsNotComparedWithTheTimeout() {
        assertThat(ProbeFixtures.problems(probe(spec("  interval: 500ms\n  timeout: 40s\n" + URL_STEP)))).containsExactly(
                "probes/p.yaml:5:13: spec.interval: out_of_range: interval is 500ms, it must be between 1s and 24h");
    }

    @Test
    void withoutATimeoutAShortIntervalIsTheTimeout() {
        Probe probe = ProbeFixtures.probes(probe(spec("  interval: 5s\n" + URL_STEP))).probe("p").orElseThrow();
        assertThat(probe.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(probe.steps().get(0).timeout()).isEqualTo(Duration.ofSeconds(5));
        Probe longer = ProbeFixtures.probes(probe(spec("  interval: 1m\n" + URL_STEP))).probe("p").orElseThrow();
        assertThat(longer.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aTimeoutLongerThanTheDefaultIntervalSaysTheIntervalIsTheDefault() {
        assertThat(ProbeFixtures.problems(probe(spec("  timeout: 40s\n" + URL_STEP)))).containsExactly(
                "probes/p.yaml:5:12: spec.timeout: invalid_value: timeout 40s is longer than the interval 30s (the default) "
                        + "(hint: a run must finish before the next one is due)");
    }

    @Test
    void aStepTimeoutIsNotComparedWithAProbeTimeoutAlreadyReported() {
        assertThat(ProbeFixtures.problems(probe(spec("  timeout: 1ms\n  steps:\n    - name: s\n      timeout: 20s\n"
                + "      request: {url: \"${service:web}/\"}\n")))).containsExactly(
                "probes/p.yaml:5:12: spec.timeout: out_of_range: timeout is 1ms, it must be between 10ms and 24h");
    }

    @Test
    void anAssertionWithAWrongTypeIsNotAlsoSaidToCheckNothing() {
        assertThat(ProbeFixtures.problems(probe(step("      request: {url: \"${service:web}/\"}\n"
                + "      expect: {json: {\"$.b\": {min: \"1\"}}}\n")))).containsExactly(
                "probes/p.yaml:8:36: spec.steps[0].expect.json.$.b.min: wrong_type: expected a number, got a string ('1')");
    }

    @Test
    void anAssertionWhoseOnlyCheckIsEmptyStillChecksNothing() {
        assertThat(ProbeFixtures.problems(probe(step("      request: {url: \"${service:web}/\"}\n"
                + "      expect: {json: {\"$.b\": {exists: ~}}}\n")))).containsExactly(
                "probes/p.yaml:8:30: spec.steps[0].expect.json.$.b: invalid_value: the assertion on $.b checks nothing "
                        + "(hint: use exists, equals, matches, min or max)");
    }

    @Test
    void aMissingSpecDoesNotHideTheMetadataProblems() {
        String yaml = "apiVersion: nightwatch/v1\nkind: Probe\nmetadata: {name: no, service: 3010}\n";
        assertThat(ProbeFixtures.problems(probe(yaml))).containsExactly(
                "probes/p.yaml:1:1: spec: missing_field: required field 'spec' is missing",
                "probes/p.yaml:3:18: metadata.name: wrong_type: expected a string, got a boolean (no) (hint: quote the value)",
                "probes/p.yaml:3:31: metadata.service: wrong_type: expected a string, got a number (3010) (hint: quote the value)");
    }

    @Test
    void aMissingMetadataDoesNotHideTheSpecProblems() {
        String yaml = "apiVersion: nightwatch/v1\nkind: Probe\nspec:\n  interval: 5 s\n" + URL_STEP;
        assertThat(ProbeFixtures.problems(probe(yaml))).containsExactly(
                "probes/p.yaml:1:1: metadata: missing_field: required field 'metadata' is missing",
                "probes/p.yaml:4:13: spec.interval: invalid_duration: '5 s' is not a duration (hint: e.g. 300ms, 10s, 5m, 1h)");
    }

    @Test
    void aSyntaxErrorStopsItsOwnFileOnly() {
        MapContentSource source = ProbeFixtures.bundle("http://127.0.0.1:3010", "")
                .put("probes/a.yaml", HEAD + "spec:\n\tsteps: []\n")
                .put("probes/b.yaml", HEAD.replace("name: p,", "name: no,") + ProbeValidationTest.ONE_STEP);
        assertThat(ProbeFixtures.problems(source)).containsExactly(
                "probes/a.yaml:5:1: $: tab_character: tab characters are not allowed in content files "
                        + "(hint: indent and separate with spaces)",
                "probes/b.yaml:3:18: metadata.name: wrong_type: expected a string, got a boolean (no) (hint: quote the value)");
    }

    @Test
    void aBrokenFleetLeavesEachProbesOwnFieldsCheckedButNotItsReferences() {
        MapContentSource source = new MapContentSource().put("fleet.yaml", "apiVersion: nightwatch/v1\nkind: Fleet\nservices: [\n")
                .put("probes/p.yaml", HEAD.replace("service: web", "service: nowhere") + "spec:\n  interval: 2s\n  timeout: 3s\n"
                        + "  steps: [{name: s, dependency: nothing, request: {url: \"${service:nowhere}/\"}, expext: {}}]\n");
        assertThat(ProbeFixtures.problems(source)).containsExactly(
                "fleet.yaml:4:1: $: yaml_syntax: while parsing a flow node, expected the node content, but found '<stream end>' "
                        + "(hint: check indentation and quoting around this position)",
                "probes/p.yaml:6:12: spec.timeout: invalid_value: timeout 3s is longer than the interval 2s "
                        + "(hint: a run must finish before the next one is due)",
                "probes/p.yaml:7:81: spec.steps[0].expext: unknown_field: unknown field 'expext' (hint: did you mean 'expect'?)");
    }
}
