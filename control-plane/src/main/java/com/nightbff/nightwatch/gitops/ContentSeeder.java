package com.nightbff.nightwatch.gitops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the zero-config content repository from this project's committed content, so actions
 * that commit (rollbacks, pool plans) write there and never into the checkout the plane runs from.
 * An existing repository is kept as it is: it may hold commits the plane made.
 */
public final class ContentSeeder {

    /** What counts as content in a checkout; everything else (code, build files) stays behind. */
    public static final List<String> CONTENT_ROOTS = List.of("fleet.yaml", "deploy", "probes", "alert-rules", "runbooks",
            "dashboards/json");

    private static final Logger LOG = LoggerFactory.getLogger(ContentSeeder.class);

    private ContentSeeder() {
    }

    public static void seedIfMissing(Path checkout, Path repoDir, String branch) {
        if (Files.isDirectory(repoDir.resolve(".git"))) {
            return;
        }
        try {
            Files.createDirectories(repoDir);
            int copied = 0;
            for (String root : CONTENT_ROOTS) {
                copied += copy(checkout.resolve(root), repoDir.resolve(root));
            }
            if (copied == 0) {
                throw new IllegalStateException("no content found in " + checkout.toAbsolutePath()
                        + ": run from the repository root or set nightwatch.content.uri");
            }
            try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch(branch).call()) {
                git.add().addFilepattern(".").call();
                PersonIdent plane = new PersonIdent("Nightwatch", "nightwatch@localhost");
                git.commit().setAuthor(plane).setCommitter(plane).setSign(false)
                        .setMessage("Import content from " + checkout.toAbsolutePath().normalize()).call();
            }
            LOG.info("created content repository {} from {} ({} files)", repoDir, checkout.toAbsolutePath().normalize(), copied);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seed content repository " + repoDir, e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot seed content repository " + repoDir + ": " + e.getMessage(), e);
        }
    }

    private static int copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return 0;
        }
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return 1;
        }
        int count = 0;
        try (var paths = Files.walk(from)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                count++;
            }
        }
        return count;
    }
}
