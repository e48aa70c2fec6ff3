package com.nightbff.nightwatch.probes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The probes section of a content snapshot, with the allow list they were validated against. */
public record Probes(List<Probe> probes, AllowList allowList, Map<String, Probe> byName) {

    public static final String FOLDER = "probes";
    public static final Probes NONE = new Probes(List.of(), new AllowList(List.of()));

    /** Names are unique (validation refuses duplicates), so every run can look its probe up by name. */
    public Probes(List<Probe> probes, AllowList allowList) {
        this(List.copyOf(probes), allowList, probes.stream().collect(Collectors.toUnmodifiableMap(Probe::name, Function.identity())));
    }

    public Optional<Probe> probe(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
