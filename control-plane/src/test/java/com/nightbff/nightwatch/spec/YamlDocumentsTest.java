package com.nightbff.nightwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {

    private final Problems problems = new Problems();

    private List<SpecMap> parse(String yaml) {
        return YamlDocuments.parse("x.yaml", yaml.getBytes(StandardCharsets.UTF_8), problems);
    }

    private List<String> messages() {
        return problems.sorted().stream().map(SpecProblem::format).toList();
    }

    @Test
    void everyEmptyFileIsReportedWhateverCameBeforeIt() {
        YamlDocuments.parse("probes/broken.yaml", "a: [\n".getBytes(StandardCharsets.UTF_8), problems);
        YamlDocuments.parse("probes/empty.yaml", "# nothing yet\n".getBytes(StandardCharsets.UTF_8), problems);
        YamlDocuments.parse("probes/blank.yaml", new byte[0], problems);
        assertThat(problems.sorted()).extracting(SpecProblem::code).containsExactly("empty_document", "yaml_syntax", "empty_document");
    }

    @Test
    void oversizedFilesAreRejectedBeforeParsing() {
        byte[] big = ("a: '" + "x".repeat(ContentText.MAX_BYTES) + "'\n").getBytes(StandardCharsets.UTF_8);

        assertThat(YamlDocuments.parse("big.yaml", big, problems)).isEmpty();
        assertThat(messages()).containsExactly("big.yaml:1:1: $: file_too_large: file is " + big.length
                + " bytes, the limit is 262144 (hint: split it into several files)");
    }

    @Test
    void invalidUtf8IsRejected() {
        assertThat(YamlDocuments.parse("bad.yaml", new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28}, problems)).isEmpty();
        assertThat(messages()).containsExactly("bad.yaml:1:1: $: not_utf8: the file is not valid UTF-8 (hint: save it as UTF-8)");
    }

    @Test
    void billionLaughsIsStoppedAtTheAliasLimitQuickly() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append(", *")
                    .append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        long start = System.nanoTime();

        assertThat(parse(yaml.toString())).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(messages()).singleElement().asString().startsWith("x.yaml:4:8: $: alias_limit: more than 10 aliases");
    }

    @Test
    void plainScalarsKeepTheirYamlTypeSoNorwayIsNotAString() {
        SpecMap doc = parse("country: NO\nport: 3010\nname: '3010'\n").get(0);

        assertThat(doc.string("country", true)).isNull();
        assertThat(doc.integer("port", null, true, 1, 65535)).isEqualTo(3010);
        assertThat(doc.string("name", true)).isEqualTo("3010");
        assertThat(messages()).containsExactly(
                "x.yaml:1:10: country: wrong_type: expected a string, got a boolean (NO) (hint: quote the value)");
    }

    @Test
    void everyYamlBooleanSpellingReadsAsItsValue() {
        SpecMap doc = parse("a: yes\nb: On\nc: TRUE\nd: no\ne: off\nf: false\n").get(0);

        assertThat(List.of("a", "b", "c", "d", "e", "f").stream().map(k -> doc.bool(k, null)).toList())
                .containsExactly(true, true, true, false, false, false);
        assertThat(messages()).isEmpty();
    }

    @Test
    void nonScalarKeysAndDuplicatesInNestedFreeFormMapsAreRejected() {
        parse("headers:\n  X-A: 1\n  X-A: 2\n? [a, b]\n: c\n");

        assertThat(messages()).containsExactly(
                "x.yaml:3:3: headers.X-A: duplicate_key: key 'X-A' appears twice in the same mapping (hint: keep one of them)",
                "x.yaml:4:3: $: wrong_type: keys must be plain strings, got a list");
    }

    @Test
    void multipleDocumentsAreReadInOrder() {
        List<SpecMap> docs = parse("a: 1\n---\na: 2\n");

        assertThat(docs).hasSize(2);
        assertThat(docs.get(1).integer("a", null, true, 0, 9)).isEqualTo(2);
        assertThat(docs.get(1).position().line()).isEqualTo(3);
    }

    @Test
    void aDocumentThatIsNotAMappingIsRejected() {
        parse("- a\n- b\n");

        assertThat(messages()).containsExactly("x.yaml:1:1: $: wrong_type: a document must be a mapping of fields, got a list");
    }

    @Test
    void unknownFieldsSuggestTheClosestKnownField() {
        SpecMap doc = parse("intervall: 30s\ntimeout: 5s\nzzz: 1\n").get(0);
        doc.string("interval", false);
        doc.string("timeout", false);
        doc.finish();

        assertThat(messages()).containsExactly(
                "x.yaml:1:1: intervall: unknown_field: unknown field 'intervall' (hint: did you mean 'interval'?)",
                "x.yaml:3:1: zzz: unknown_field: unknown field 'zzz' (hint: known fields: interval, timeout)");
    }
}
