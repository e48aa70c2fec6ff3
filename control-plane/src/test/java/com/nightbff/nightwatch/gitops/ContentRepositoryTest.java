package com.nightbff.nightwatch.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nightbff.nightwatch.testsupport.ContentRepoFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContentRepositoryTest {

    @Test
    void aRemoteIsClonedThenFetchedAndItsWorkTreeFollowsTheBranch() throws Exception {
        try (ContentRepoFixture origin = ContentRepoFixture.fromCase("valid")) {
            Path clone = Files.createTempDirectory("nw-clone").resolve("content-clone");
            String url = origin.dir().toUri().toString();
            assertThat(ContentRepository.isRemote(url)).isTrue();

            try (ContentRepository repo = ContentRepository.cloneRemote(url, "main", clone, null)) {
                String first = repo.refresh().orElseThrow();
                assertThat(repo.sourceAt(first).files()).containsExactly("deploy/auth.env", "fleet.yaml");
                assertThat(repo.changedFiles(null, first)).containsExactlyInAnyOrder("deploy/auth.env", "fleet.yaml");

                String second = origin.write("deploy/auth.env", "DB_POOL_SIZE=7\n").commit("Pool 7", "Ann <ann@nightbff.test>");
                assertThat(repo.refresh()).contains(second);
                assertThat(new String(repo.sourceAt(second).read("deploy/auth.env").orElseThrow())).isEqualTo("DB_POOL_SIZE=7\n");
                assertThat(new String(repo.sourceAt(first).read("deploy/auth.env").orElseThrow())).isEqualTo("DB_POOL_SIZE=10\n");
                assertThat(Files.readString(repo.workTree().resolve("deploy/auth.env"))).isEqualTo("DB_POOL_SIZE=7\n");
                assertThat(repo.changedFiles(first, second)).containsExactly("deploy/auth.env");
                assertThat(repo.revision(second).author()).isEqualTo("Ann <ann@nightbff.test>");
                assertThat(repo.revision(second).subject()).isEqualTo("Pool 7");
            }
        }
    }

    @Test
    void localPathsAreUsedInPlaceAndUrlsWithCredentialsAreRedactedInErrors() throws Exception {
        assertThat(ContentRepository.isRemote("/srv/content")).isFalse();
        assertThat(ContentRepository.isRemote("git@github.com:nightbff/content.git")).isTrue();
        assertThat(RedactedUri.of("https://bot:s3cret@git.example/content.git")).isEqualTo("https://***@git.example/content.git");
        Path notARepo = Files.createTempDirectory("nw-not-a-repo");
        assertThatThrownBy(() -> ContentRepository.openLocal(notARepo, "main"))
                .hasMessageContaining("is not a git repository");
        assertThatThrownBy(() -> ContentRepository.cloneRemote("file:///nonexistent/repo.git", "main",
                notARepo.resolve("clone"), null)).hasMessageContaining("cannot clone content repository file:///nonexistent/repo.git");
    }

    @Test
    void aMissingBranchOrAVanishedRepositoryIsAnErrorAndAnEmptyRepositoryIsNot() throws Exception {
        Path empty = Files.createTempDirectory("nw-empty-repo");
        org.eclipse.jgit.api.Git.init().setDirectory(empty.toFile()).setInitialBranch("main").call().close();
        try (ContentRepository repo = ContentRepository.openLocal(empty, "main")) {
            assertThat(repo.refresh()).as("no commits yet").isEmpty();
        }
        try (ContentRepoFixture origin = ContentRepoFixture.fromCase("valid")) {
            try (ContentRepository misspelt = ContentRepository.openLocal(origin.dir(), "mian")) {
                assertThatThrownBy(misspelt::refresh).hasMessage(
                        "content branch 'mian' does not exist; the repository has main (set nightwatch.content.branch)");
            }
            try (ContentRepository repo = ContentRepository.openLocal(origin.dir(), "main")) {
                assertThat(repo.refresh()).isPresent();
                Files.move(origin.dir().resolve(".git"), origin.dir().resolve("git-moved-away"));
                assertThatThrownBy(repo::refresh).hasMessageStartingWith("content repository is gone: ")
                        .hasMessageEndingWith(".git no longer exists");
                Files.move(origin.dir().resolve("git-moved-away"), origin.dir().resolve(".git"));
                assertThat(repo.refresh()).as("back once it is back").isPresent();
            }
        }
    }

    @Test
    void theZeroConfigRepositoryIsSeededOnceFromTheCheckoutsContentOnly() throws Exception {
        Path repoDir = Files.createTempDirectory("nw-seed").resolve("content");
        ContentSeeder.seedIfMissing(Path.of(".."), repoDir, "main");
        try (ContentRepository repo = ContentRepository.openLocal(repoDir, "main")) {
            String sha = repo.refresh().orElseThrow();
            assertThat(repo.sourceAt(sha).files()).contains("fleet.yaml", "deploy/auth.env")
                    .noneMatch(f -> f.endsWith(".java") || f.equals("pom.xml"));
            Files.writeString(repoDir.resolve("deploy/auth.env"), "DB_POOL_SIZE=5\n");
            ContentSeeder.seedIfMissing(Path.of(".."), repoDir, "main");
            assertThat(Files.readString(repoDir.resolve("deploy/auth.env"))).as("an existing repository is kept").contains("=5");
        }
    }
}
