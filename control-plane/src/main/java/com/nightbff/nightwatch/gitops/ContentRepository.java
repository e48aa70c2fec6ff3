package com.nightbff.nightwatch.gitops;

import com.nightbff.nightwatch.catalog.ContentRevision;
import com.nightbff.nightwatch.catalog.ContentSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The content repository: a local repository used in place, or a clone of a remote one that is
 * fetched and hard-reset to the remote branch on each refresh (the remote is the source of truth).
 */
public final class ContentRepository implements AutoCloseable {

    /** A remote that stops answering must not hold the poll (and the catalog) forever. */
    static final int NETWORK_TIMEOUT_SECONDS = 30;

    private final Git git;
    private final String branch;
    private final boolean remote;
    private final CredentialsProvider credentials;
    private final ReentrantLock writeLock = new ReentrantLock();

    private ContentRepository(Git git, String branch, boolean remote, CredentialsProvider credentials) {
        this.git = git;
        this.branch = branch;
        this.remote = remote;
        this.credentials = credentials;
    }

    /** Opens an existing repository on disk; its branch is read as it is, never reset. */
    public static ContentRepository openLocal(Path dir, String branch) {
        try {
            return new ContentRepository(Git.open(dir.toFile()), branch, false, null);
        } catch (IOException e) {
            throw new IllegalStateException("content repository " + dir + " is not a git repository: " + e.getMessage(), e);
        }
    }

    /** Clones the remote into {@code cloneDir} once, then reuses the clone. */
    public static ContentRepository cloneRemote(String uri, String branch, Path cloneDir, CredentialsProvider credentials) {
        try {
            if (Files.isDirectory(cloneDir.resolve(".git"))) {
                Git git = Git.open(cloneDir.toFile());
                git.getRepository().getConfig().setString("remote", "origin", "url", uri);
                return new ContentRepository(git, branch, true, credentials);
            }
            Files.createDirectories(cloneDir.getParent());
            Git git = Git.cloneRepository().setURI(uri).setBranch(branch).setDirectory(cloneDir.toFile())
                    .setCredentialsProvider(credentials).setTimeout(NETWORK_TIMEOUT_SECONDS).call();
            return new ContentRepository(git, branch, true, credentials);
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot clone content repository " + RedactedUri.of(uri) + ": "
                    + RedactedUri.scrub(e.getMessage()), e);
        }
    }

    /** Empty for a repository without commits yet; otherwise the configured branch is misspelt or was deleted. */
    private Optional<String> noBranch(String prefix) throws IOException {
        List<String> branches = git.getRepository().getRefDatabase().getRefsByPrefix(prefix).stream()
                .map(ref -> ref.getName().substring(prefix.length())).filter(name -> !name.equals("HEAD")).sorted().toList();
        if (branches.isEmpty()) {
            return Optional.empty();
        }
        throw new IllegalStateException("content branch '" + branch + "' does not exist; the repository has " + String.join(", ", branches)
                + " (set nightwatch.content.branch)");
    }

    /** True for URLs git fetches from (including file://), false for a plain local path. */
    public static boolean isRemote(String uri) {
        return uri.contains("://") || uri.matches("^[\\w.-]+@[\\w.-]+:.*");
    }

    /**
     * Fetches when remote; returns the commit at the tip of the branch, empty while the repository has
     * no commits at all. A repository that vanished or lacks the configured branch is an error, not an
     * empty branch: both are faults an operator must see (and the poll error counter must count).
     */
    public Optional<String> refresh() {
        writeLock.lock();
        try {
            Path gitDir = git.getRepository().getDirectory().toPath();
            if (!Files.isDirectory(gitDir)) {
                throw new IllegalStateException("content repository is gone: " + gitDir + " no longer exists");
            }
            if (remote) {
                git.fetch().setRemote("origin").setCredentialsProvider(credentials).setTimeout(NETWORK_TIMEOUT_SECONDS).call();
                ObjectId tip = git.getRepository().resolve("refs/remotes/origin/" + branch);
                if (tip == null) {
                    return noBranch("refs/remotes/origin/");
                }
                git.reset().setMode(ResetCommand.ResetType.HARD).setRef(tip.name()).call();
                return Optional.of(tip.name());
            }
            ObjectId tip = git.getRepository().resolve("refs/heads/" + branch);
            return tip == null ? noBranch("refs/heads/") : Optional.of(tip.name());
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot refresh content branch '" + branch + "': " + RedactedUri.scrub(e.getMessage()), e);
        } finally {
            writeLock.unlock();
        }
    }

    public ContentSource sourceAt(String sha) {
        return new GitContentSource(git.getRepository(), commit(sha));
    }

    public ContentRevision revision(String sha) {
        RevCommit c = commit(sha);
        return new ContentRevision(c.name(), c.getAuthorIdent().getName() + " <" + c.getAuthorIdent().getEmailAddress() + ">",
                c.getFullMessage(), c.getAuthorIdent().getWhenAsInstant());
    }

    /** Paths that differ between two commits; every file of {@code to} when {@code from} is null. */
    public List<String> changedFiles(String from, String to) {
        Repository repo = git.getRepository();
        try (ObjectReader reader = repo.newObjectReader()) {
            CanonicalTreeParser newTree = new CanonicalTreeParser(null, reader, commit(to).getTree());
            var oldTree = from == null ? new EmptyTreeIterator() : new CanonicalTreeParser(null, reader, commit(from).getTree());
            List<String> out = new ArrayList<>();
            try (TreeWalk walk = new TreeWalk(repo, reader)) {
                walk.addTree(oldTree);
                walk.addTree(newTree);
                walk.setRecursive(true);
                walk.setFilter(TreeFilter.ANY_DIFF);
                for (DiffEntry entry : DiffEntry.scan(walk)) {
                    out.add(entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot diff " + from + ".." + to, e);
        }
    }

    /** The checked-out files (where services read their env files in the zero-config run). */
    public Path workTree() {
        return git.getRepository().getWorkTree().toPath();
    }

    public String branch() {
        return branch;
    }

    @Override
    public void close() {
        git.close();
    }

    private RevCommit commit(String sha) {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            return walk.parseCommit(ObjectId.fromString(sha));
        } catch (IOException e) {
            throw new UncheckedIOException("unknown commit " + sha, e);
        }
    }
}
