package com.nightbff.nightwatch.probes;

import static com.nightbff.nightwatch.probes.ProbeValidationTest.ONE_STEP;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which files under probes/ are read, which may sit there unread, and that nothing else is skipped without a word. */
class ProbeFilesTest {

    private static String named(String name) {
        return "apiVersion: nightwatch/v1\nkind: Probe\nmetadata: {name: " + name + ", service: web}\n" + ONE_STEP;
    }

    private static MapContentSource bundle() {
        return ProbeFixtures.bundle("http://127.0.0.1:3010", "");
    }

    @Test
    void ymlFilesAndSubfoldersAreReadLikeYamlFiles() {
        MapContentSource source = bundle().put("probes/a.yaml", named("a")).put("probes/b.yml", named("b"))
                .put("probes/auth/c.yaml", named("c")).put("probes/auth/deep/d.yml", named("d"));
        assertThat(ProbeFixtures.probes(source).probes()).extracting(Probe::name).containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    @Test
    void notesAndDotfilesMaySitBesideTheProbes() {
        MapContentSource source = bundle().put("probes/a.yaml", named("a")).put("probes/README.md", "# Probes\n")
                .put("probes/auth/.gitkeep", "").put("probes/.editorconfig", "root = true\n");
        assertThat(ProbeFixtures.problems(source)).isEmpty();
    }

    @Test
    void anyOtherFileIsReportedWithHowToGetItRead() {
        MapContentSource source = bundle().put("probes/a.yaml", named("a")).put("probes/b.YAML", named("b"))
                .put("probes/c.json", "{}").put("probes/d.yaml.bak", named("d")).put("probes/sub/notes.txt", "todo\n");
        String message = "ignored_file: this file is not read: probes are read from the *.yaml and *.yml files under probes/";
        String elsewhere = "(hint: rename it to .yaml if it is a probe, else move it out of probes/ "
                + "(only *.md notes may sit beside probes))";
        assertThat(ProbeFixtures.problems(source)).containsExactly(
                "probes/b.YAML:1:1: $: " + message + " (hint: rename it to b.yaml)",
                "probes/c.json:1:1: $: " + message + " (hint: rename it to c.yaml)",
                "probes/d.yaml.bak:1:1: $: " + message + " " + elsewhere,
                "probes/sub/notes.txt:1:1: $: " + message + " " + elsewhere);
    }

    @Test
    void aStrayFileRejectsANewRevisionButNotOneAlreadyAppliedBeforeTheRule() {
        var result = ProbeFixtures.load(bundle().put("probes/a.yaml", named("a")).put("probes/notes.txt", "todo\n"), ProbeFixtures.ENV);
        assertThat(result.valid()).isFalse();
        assertThat(result.runnable()).as("the probes still load; an upgrade must not stop them").isTrue();
        assertThat(result.snapshot().section(Probes.class).orElseThrow().probes()).extracting(Probe::name).containsExactly("a");
        assertThat(result.snapshot().warnings()).extracting(p -> p.code()).containsExactly("ignored_file");
    }

    @Test
    void aTrailingSeparatorIsNotAnEmptyDocument() {
        MapContentSource source = bundle().put("probes/a.yaml", "---\n" + named("a") + "---\n")
                .put("probes/b.yaml", named("b") + "---\n# retired: c\n---\n" + named("c"));
        assertThat(ProbeFixtures.probes(source).probes()).extracting(Probe::name).containsExactly("a", "b", "c");
    }

    @Test
    void aFileOfNothingButSeparatorsAndCommentsIsStillEmpty() {
        MapContentSource source = bundle().put("probes/a.yaml", named("a")).put("probes/b.yaml", "# soon\n---\n");
        assertThat(ProbeFixtures.problems(source)).containsExactly(
                "probes/b.yaml:1:1: $: empty_document: the file holds no YAML document (hint: remove the file or add its content)");
    }

    @Test
    void anExplicitNullDocumentIsStillNotAMapping() {
        MapContentSource source = bundle().put("probes/a.yaml", named("a") + "--- ~\n");
        assertThat(ProbeFixtures.problems(source)).containsExactly(
                "probes/a.yaml:6:5: $: wrong_type: a document must be a mapping of fields, got nothing (null)");
    }
}
