package com.nightbff.nightwatch.gitops;

import com.nightbff.nightwatch.catalog.ContentSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit, read from git objects rather than the working tree, so a snapshot is
 * exactly the commit it names even while someone edits the checkout.
 */
final class GitContentSource implements ContentSource {

    /** Blobs above this are not loaded; the parsers' own size limits report them. */
    private static final int READ_LIMIT = 4 * 1024 * 1024;

    private final Repository repository;
    private final Map<String, ObjectId> blobs;

    GitContentSource(Repository repository, RevCommit commit) {
        this.repository = repository;
        this.blobs = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                blobs.put(walk.getPathString(), walk.getObjectId(0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of commit " + commit.name(), e);
        }
    }

    @Override
    public List<String> files() {
        return new ArrayList<>(blobs.keySet());
    }

    @Override
    public Optional<byte[]> read(String path) {
        ObjectId id = blobs.get(path);
        if (id == null) {
            return Optional.empty();
        }
        try {
            ObjectLoader loader = repository.open(id);
            if (loader.getSize() > READ_LIMIT) {
                return Optional.of(new byte[READ_LIMIT + 1]);
            }
            return Optional.of(loader.getCachedBytes(READ_LIMIT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from git", e);
        }
    }
}
