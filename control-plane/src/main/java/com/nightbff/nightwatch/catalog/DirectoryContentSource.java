package com.nightbff.nightwatch.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Content as it is on disk, for {@code nightwatch validate} before anything is committed. */
public final class DirectoryContentSource implements ContentSource {

    /** Build output, VCS data and the plane's own data folder are never content. */
    private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules", ".nightwatch", ".mvn", ".idea");

    private final Path root;
    private final List<String> files;

    public DirectoryContentSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.files = scan(this.root);
    }

    @Override
    public List<String> files() {
        return files;
    }

    @Override
    public Optional<byte[]> read(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("content folder does not exist: " + root);
        }
        List<String> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        out.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        out.sort(null);
        return List.copyOf(out);
    }
}
