package com.nightbff.nightwatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A temporary git repository holding content, seeded from a test case folder; tests commit to it. */
public final class ContentRepoFixture implements AutoCloseable {

    private final Path dir;
    private final Git git;

    private ContentRepoFixture(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    /** A repository whose first commit holds the files of {@code content-cases/<caseName>}. */
    public static ContentRepoFixture fromCase(String caseName) {
        try {
            Path dir = Files.createTempDirectory("nw-content");
            Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
            ContentRepoFixture fixture = new ContentRepoFixture(dir, git);
            Path source = caseDir(caseName);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.endsWith("expected.txt")).toList()) {
                    fixture.write(source.relativize(p).toString(), Files.readString(p));
                }
            }
            fixture.commit("Initial content", "Alice <alice@nightbff.test>");
            return fixture;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path caseDir(String caseName) {
        return Path.of("src/test/resources/content-cases", caseName).toAbsolutePath();
    }

    public Path dir() {
        return dir;
    }

    public ContentRepoFixture write(String path, String text) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String path) {
        try {
            return Files.readString(dir.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits everything in the work tree; returns the new commit's SHA. */
    public String commit(String message, String author) {
        try {
            git.add().addFilepattern(".").call();
            String name = author.substring(0, author.indexOf('<')).strip();
            String email = author.substring(author.indexOf('<') + 1, author.indexOf('>'));
            PersonIdent ident = new PersonIdent(name, email);
            RevCommit commit = git.commit().setAuthor(ident).setCommitter(ident).setSign(false).setMessage(message).call();
            return commit.name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the branch and the work tree to {@code sha}, as {@code git reset --hard} does: the way back to an earlier revision. */
    public ContentRepoFixture resetHard(String sha) {
        try {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(sha).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
