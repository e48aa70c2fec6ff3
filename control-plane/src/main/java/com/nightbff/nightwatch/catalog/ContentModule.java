package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.Problems;

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
}
