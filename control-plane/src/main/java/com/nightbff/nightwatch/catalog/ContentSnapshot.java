package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.SpecProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bundle whose content is valid: immutable, safe to share between threads, replaced whole on apply.
 *
 * @param warnings problems it runs with: of the environment it was loaded in (a secret this replica
 *                 lacks, so the probes that use it fail with {@code secret_missing}), or a file skipped
 *                 under a rule newer than the revision ({@code ignored_file}); empty for a revision
 *                 applied here, since a new revision with any problem is rejected
 */
public record ContentSnapshot(ContentRevision revision, Map<Class<?>, Object> sections, Instant loadedAt,
                              List<SpecProblem> warnings) {

    public ContentSnapshot {
        sections = Map.copyOf(sections);
        warnings = List.copyOf(warnings);
    }

    public <T> Optional<T> section(Class<T> type) {
        return Optional.ofNullable(type.cast(sections.get(type)));
    }

    public Fleet fleet() {
        return section(Fleet.class).orElseThrow(() -> new IllegalStateException("a valid snapshot always has a fleet"));
    }

    public DeployEnvironment deploy() {
        return section(DeployEnvironment.class).orElse(DeployEnvironment.EMPTY);
    }
}
