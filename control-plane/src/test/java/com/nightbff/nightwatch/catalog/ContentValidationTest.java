package com.nightbff.nightwatch.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.spec.SpecProblem;
import com.nightbff.nightwatch.testsupport.ContentRepoFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One tiny content folder per validation rule under {@code content-cases/}, each with the exact
 * lines {@code nightwatch validate} must print in {@code expected.txt}.
 */
class ContentValidationTest {

    private final BundleLoader loader = new BundleLoader(ContentModules.defaults(), Clock.systemUTC());

    static Stream<String> invalidCases() throws IOException {
        try (Stream<Path> dirs = Files.list(ContentRepoFixture.caseDir(""))) {
            return dirs.filter(d -> Files.exists(d.resolve("expected.txt"))).map(d -> d.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void eachRuleReportsFileLineColumnPathCodeAndHint(String caseName) throws IOException {
        Path dir = ContentRepoFixture.caseDir(caseName);
        List<String> expected = Files.readAllLines(dir.resolve("expected.txt"));

        BundleLoader.Result result = load(dir);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).extracting(SpecProblem::format).containsExactlyElementsOf(expected);
    }

    @Test
    void theCaseFolderCoversEveryRuleCode() throws IOException {
        List<String> codes = invalidCases().toList();
        assertThat(codes).contains("yaml_syntax", "duplicate_key", "tab_character", "alias_limit", "empty_document",
                "unknown_field", "missing_field", "wrong_type", "out_of_range", "unknown_reference", "duplicate_name",
                "unsupported_api_version", "wrong_kind", "invalid_url", "invalid_name", "missing_file", "unknown_file",
                "missing_key", "invalid_value", "env_syntax", "env_duplicate_key", "duplicate_endpoint", "multiple_documents",
                "duplicate_pool_setting", "recursive_alias", "nameless_entry", "odd_numbers", "ignored_file");
    }

    @Test
    void validMinimalContentLoadsWithItsPoolSizes() {
        BundleLoader.Result result = load(ContentRepoFixture.caseDir("valid"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.snapshot().fleet().services()).extracting(Fleet.Service::name).containsExactly("auth");
        assertThat(result.snapshot().deploy().poolSize("auth")).contains(10);
    }

    @Test
    void theRepositorysOwnContentIsValidAndDeclaresTheEightServicesAtFifty() {
        BundleLoader.Result result = load(Path.of("..").toAbsolutePath().normalize());

        assertThat(result.problems()).isEmpty();
        Fleet fleet = result.snapshot().fleet();
        assertThat(fleet.services()).extracting(s -> s.name() + ":" + s.baseUrl().getPort()).containsExactly(
                "auth:3010", "user:3011", "plan:3012", "event:3013", "interest:3014", "venue:3015", "chat:3016", "notification:3017");
        assertThat(result.snapshot().deploy().poolSizes().values()).containsOnly(50);
        assertThat(fleet.database("nightbff").orElseThrow().maxConnections()).isEqualTo(100);
    }

    @Test
    void severalProblemsAcrossFilesAreAllReportedSortedByFileAndPosition() {
        BundleLoader.Result result = load(ContentRepoFixture.caseDir("several_problems"));

        assertThat(result.problems()).extracting(SpecProblem::code)
                .containsExactly("invalid_value", "out_of_range", "unknown_field", "unknown_reference");
        assertThat(result.problems().get(0).format()).startsWith("deploy/auth.env:1:14: DB_POOL_SIZE: invalid_value:");
    }

    @Test
    void aModuleThatBreaksRejectsTheRevisionWithAProblemInsteadOfThrowing() {
        TestModule broken = new TestModule("slos", problems -> {
            throw new NullPointerException("a reader defect");
        });
        BundleLoader.Result result = new BundleLoader(broken.afterDefaults(), Clock.systemUTC()).load(
                new DirectoryContentSource(ContentRepoFixture.caseDir("valid")),
                new ContentRevision(ContentRevision.WORKING_TREE, null, null, null));

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).extracting(SpecProblem::format).containsExactly("slos:1:1: $: internal_error: "
                + "the slos reader failed: NullPointerException (hint: a Nightwatch defect; the log has the details, please report it)");
    }

    private BundleLoader.Result load(Path dir) {
        return loader.load(new DirectoryContentSource(dir), new ContentRevision(ContentRevision.WORKING_TREE, null, null, null));
    }
}
