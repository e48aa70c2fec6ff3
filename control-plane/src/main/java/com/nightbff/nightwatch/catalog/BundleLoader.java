package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.Problems;
import com.nightbff.nightwatch.spec.SourcePosition;
import com.nightbff.nightwatch.spec.SpecProblem;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every content module over one revision and keeps the result only when the content itself is sound. */
public final class BundleLoader {

    private static final Logger LOG = LoggerFactory.getLogger(BundleLoader.class);

    /**
     * A validation outcome: the problems, and a snapshot when every problem (if any) is one of the
     * kinds an applied revision runs with ({@link ContentModule#codesAppliedRevisionsRunWith()}); the snapshot then
     * carries them as warnings.
     */
    public record Result(ContentSnapshot snapshot, List<SpecProblem> problems) {

        /** Nothing is wrong: what a new revision needs to be applied. */
        public boolean valid() {
            return snapshot != null && problems.isEmpty();
        }

        /**
         * The content is sound but for what an applied revision runs with (a secret this replica lacks, a
         * file skipped): enough to keep running a revision the cluster already applied, not to apply a new one.
         */
        public boolean runnable() {
            return snapshot != null;
        }
    }

    private final List<ContentModule<?>> modules;
    private final Set<String> tolerated = new HashSet<>();
    private final Clock clock;

    public BundleLoader(List<ContentModule<?>> modules, Clock clock) {
        this.modules = List.copyOf(modules);
        this.modules.forEach(m -> tolerated.addAll(m.codesAppliedRevisionsRunWith()));
        this.clock = clock;
    }

    public Result load(ContentSource source, ContentRevision revision) {
        Problems problems = new Problems();
        BundleContext context = new BundleContext();
        for (ContentModule<?> module : modules) {
            loadInto(module, source, context, problems);
        }
        List<SpecProblem> sorted = problems.sorted();
        if (!sorted.stream().allMatch(p -> tolerated.contains(p.code()))) {
            return new Result(null, sorted);
        }
        return new Result(new ContentSnapshot(revision, context.sections(), clock.instant(), sorted), sorted);
    }

    /** What a snapshot holds, module by module, e.g. "8 services, 1 database(s), 8 env file(s), 12 probe(s)". */
    public String summary(ContentSnapshot snapshot) {
        return String.join(", ", modules.stream().map(m -> summary(m, snapshot)).filter(Objects::nonNull).toList());
    }

    private static <T> String summary(ContentModule<T> module, ContentSnapshot snapshot) {
        return snapshot.section(module.type()).map(module::summary).orElse(null);
    }

    private static <T> void loadInto(ContentModule<T> module, ContentSource source, BundleContext context, Problems problems) {
        try {
            context.put(module.type(), module.load(source, context, problems));
        } catch (UncheckedIOException e) {
            // Reading the revision failed, which may pass: the caller retries instead of rejecting it.
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // The same bytes would fail the same way on every poll: reject the revision in plain sight
            // rather than retrying it forever or taking the poll job down.
            LOG.error("content module '{}' failed on this revision", module.name(), e);
            problems.add(SourcePosition.startOf(module.name()), SpecProblem.ROOT, "internal_error", "the " + module.name()
                    + " reader failed: " + e.getClass().getSimpleName(), "a Nightwatch defect; the log has the details, please report it");
        }
    }
}
