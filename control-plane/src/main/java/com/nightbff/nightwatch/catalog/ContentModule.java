package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.Problems;
import java.util.Set;

/**
 * One kind of content (the fleet, env files, probes, SLOs, runbooks…). A module finds its files in
 * the revision, parses them, checks references against sections loaded before it, and reports
 * every problem; it returns its section even when problems were found, so later modules can
 * still check their own references against what was understood.
 *
 * @param <T> the section type other features read from the snapshot
 */
public interface ContentModule<T> {

    /** Short name shown in logs and the console, e.g. "fleet". */
    String name();

    Class<T> type();

    T load(ContentSource source, BundleContext context, Problems problems);

    /**
     * The codes of problems that leave the content runnable: about the environment it is loaded in rather
     * than the content (a secret that is not set), or about a file the module skips without loss (a rule
     * added by a later version). A new revision with such a problem is rejected like any other, but a
     * revision the cluster already applied keeps running with it as a warning: refusing it on a restart
     * or an upgrade would stop every probe.
     */
    default Set<String> codesAppliedRevisionsRunWith() {
        return Set.of();
    }

    /** What a loaded section holds, counted for people ("12 probe(s)"); null when there is nothing to count. */
    default String summary(T section) {
        return null;
    }
}
