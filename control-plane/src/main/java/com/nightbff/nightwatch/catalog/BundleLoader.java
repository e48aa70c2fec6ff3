package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.Problems;
import com.nightbff.nightwatch.spec.SourcePosition;
import com.nightbff.nightwatch.spec.SpecProblem;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every content module over one revision and keeps the result only when nothing is wrong. */
public final class BundleLoader {

    private static final Logger LOG = LoggerFactory.getLogger(BundleLoader.class);

    /** A validation outcome: a snapshot, or the problems that kept it from being one. */
    public record Result(ContentSnapshot snapshot, List<SpecProblem> problems) {
        public boolean valid() {
            return snapshot != null;
        }
    }

    private final List<ContentModule<?>> modules;
    private final Clock clock;

    public BundleLoader(List<ContentModule<?>> modules, Clock clock) {
        this.modules = List.copyOf(modules);
        this.clock = clock;
    }

    public Result load(ContentSource source, ContentRevision revision) {
        Problems problems = new Problems();
        BundleContext context = new BundleContext();
        for (ContentModule<?> module : modules) {
            loadInto(module, source, context, problems);
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems.sorted());
        }
        return new Result(new ContentSnapshot(revision, context.sections(), clock.instant()), List.of());
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
