package com.nightbff.nightwatch.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A fully valid bundle: immutable, safe to share between threads, replaced whole on apply. */
public record ContentSnapshot(ContentRevision revision, Map<Class<?>, Object> sections, Instant loadedAt) {

    public ContentSnapshot {
        sections = Map.copyOf(sections);
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
