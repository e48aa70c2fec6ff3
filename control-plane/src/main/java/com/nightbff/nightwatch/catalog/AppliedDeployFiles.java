package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.gitops.ContentRepository;
import com.nightbff.nightwatch.system.NightwatchProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the active revision's {@code deploy/} files to {@code <data-dir>/applied/deploy}, for local
 * readers of the env files (the sandbox in the zero-config run). The content working tree is not what
 * runs: it holds rejected commits and uncommitted edits too, and a rejected revision must change nothing.
 * Each file is replaced atomically and only when it changed, so a watcher never reads half a file.
 */
@Component
public class AppliedDeployFiles {

    public static final String DEPLOY = "deploy";
    private static final Logger LOG = LoggerFactory.getLogger(AppliedDeployFiles.class);

    private final ContentRepository repository;
    private final Path target;

    AppliedDeployFiles(ContentRepository repository, NightwatchProperties props) {
        this.repository = repository;
        this.target = Path.of(props.dataDir(), "applied", DEPLOY).toAbsolutePath();
    }

    /** A failure propagates: the catalog then offers the revision again on the next poll. */
    @EventListener
    void onApplied(ContentApplied event) {
        ContentSource source = repository.sourceAt(event.revision().sha());
        try {
            Files.createDirectories(target);
            Set<Path> kept = new HashSet<>();
            int written = 0;
            for (String file : source.filesUnder(DEPLOY)) {
                Path out = target.resolve(file.substring(DEPLOY.length() + 1)).normalize();
                if (!out.startsWith(target)) {
                    continue;
                }
                kept.add(out);
                byte[] bytes = source.read(file).orElseThrow();
                if (Files.isRegularFile(out) && Arrays.equals(Files.readAllBytes(out), bytes)) {
                    continue;
                }
                Files.createDirectories(out.getParent());
                Path tmp = Files.createTempFile(out.getParent(), ".applying-", ".tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                written++;
            }
            int removed = removeOthers(kept);
            if (written + removed > 0) {
                LOG.info("applied deploy files of revision {} in {}: {} written, {} removed", event.revision().shortSha(), target,
                        written, removed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the applied deploy files to " + target + ": " + e.getMessage(), e);
        }
    }

    private int removeOthers(Set<Path> kept) throws IOException {
        int removed = 0;
        try (Stream<Path> files = Files.walk(target)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !kept.contains(f)).toList()) {
                Files.delete(file);
                removed++;
            }
        }
        return removed;
    }
}
