package com.nightbff.nightwatch.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The sections loaded so far in one bundle, for modules that check references into earlier ones. */
public final class BundleContext {

    private final Map<Class<?>, Object> sections = new LinkedHashMap<>();

    <T> void put(Class<T> type, T section) {
        if (section != null) {
            sections.put(type, section);
        }
    }

    public <T> Optional<T> section(Class<T> type) {
        return Optional.ofNullable(type.cast(sections.get(type)));
    }

    Map<Class<?>, Object> sections() {
        return sections;
    }
}
