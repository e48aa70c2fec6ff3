package com.nightbff.nightwatch.probes;

import com.nightbff.nightwatch.catalog.Fleet;
import com.nightbff.nightwatch.spec.EditDistance;
import com.nightbff.nightwatch.spec.Names;
import com.nightbff.nightwatch.spec.SourcePosition;
import com.nightbff.nightwatch.spec.SpecMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one Probe document; every rule reports at the offending value and reading goes on. A part
 * that is missing or wrong does not hide the problems of the others, and a value already reported
 * is not compared with anything else, so one mistake gives one problem.
 */
final class ProbeReader {

    static final String API_VERSION = "nightwatch/v1";
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_INTERVAL = Duration.ofHours(24);
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Below this no HTTP exchange completes, even on loopback; probe and step timeouts alike. */
    static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    static final int DEFAULT_MAX_BODY = 1024 * 1024;
    static final int MAX_STEPS = 20;
    /** The step label of probe-level series, so it cannot be a step's own name. */
    static final String RESERVED_STEP = "all";
    /** What service and dependency references stand for while fleet.yaml is unreadable: a URL that checks nothing. */
    private static final String UNKNOWN_BASE_URL = "http://fleet-unknown.invalid";

    private final SpecMap doc;
    private final Fleet fleet;
    private final AllowList allowList;
    private final Function<String, String> environment;
    private final Set<String> reportedSecrets = new HashSet<>();

    /** {@code fleet} is null when fleet.yaml could not be read: references are then left unchecked, everything else is. */
    ProbeReader(SpecMap doc, Fleet fleet, AllowList allowList, Function<String, String> environment) {
        this.doc = doc;
        this.fleet = fleet;
        this.allowList = allowList;
        this.environment = environment;
    }

    /** The metadata fields; {@code name} is null when it was missing or reported. */
    private record Metadata(String name, String service, String runbook, String description, SourcePosition position) {
    }

    /** The spec fields, defaults filled in. */
    private record Spec(String kind, Duration interval, Duration timeout, long maxBodyBytes, List<Probe.Step> steps) {
    }

    Probe read() {
        if (!doc.header(API_VERSION, "Probe")) {
            return null;
        }
        SpecMap metadataMap = doc.map("metadata", true).orElse(null);
        SpecMap specMap = doc.map("spec", true).orElse(null);
        doc.finish();
        Metadata metadata = metadataMap == null ? null : metadata(metadataMap);
        Spec spec = specMap == null ? null : spec(specMap);
        if (metadata == null || metadata.name() == null || spec == null) {
            return null;
        }
        // Positioned at its name: what a "duplicate name" or a console link should point at.
        return new Probe(metadata.name(), metadata.service(), metadata.runbook(), metadata.description(), spec.kind(),
                spec.interval(), spec.timeout(), spec.maxBodyBytes(), spec.steps(), doc.file(), metadata.position());
    }

    private Metadata metadata(SpecMap metadata) {
        String name = name(metadata, "name");
        String service = metadata.string("service", true);
        if (service != null && fleet != null && fleet.service(service).isEmpty()) {
            metadata.problem("service", "unknown_reference", "no service named '" + service + "' in fleet.yaml", serviceHint(service));
        }
        String runbook = metadata.string("runbook", false);
        String description = metadata.string("description", false);
        metadata.finish();
        return new Metadata(name, service, runbook, description, metadata.positionOf("name"));
    }

    private Spec spec(SpecMap spec) {
        String kind = spec.string("kind", "http");
        if (!ProbesModule.KINDS.contains(kind)) {
            spec.problem("kind", "unknown_prober", "no prober for kind '" + kind + "'",
                    "supported: " + String.join(", ", ProbesModule.KINDS));
        }
        int before = spec.problems().size();
        Duration interval = duration(spec, "interval", DEFAULT_INTERVAL, MIN_INTERVAL, MAX_INTERVAL);
        boolean intervalSound = spec.problems().size() == before;
        // Unset, a run may take the interval when it is shorter than the usual 10 s: "interval: 5s" alone is a
        // complete probe, not an error about a timeout line nobody wrote.
        Duration defaultTimeout = interval.compareTo(DEFAULT_TIMEOUT) < 0 ? interval : DEFAULT_TIMEOUT;
        before = spec.problems().size();
        Duration timeout = duration(spec, "timeout", defaultTimeout, MIN_TIMEOUT, MAX_INTERVAL);
        boolean timeoutSound = spec.problems().size() == before;
        if (intervalSound && timeoutSound && timeout.compareTo(interval) > 0) {
            spec.problem("timeout", "invalid_value", "timeout " + Durations.format(timeout) + " is longer than the interval "
                    + Durations.format(interval) + (spec.has("interval") ? "" : " (the default)"),
                    "a run must finish before the next one is due");
        }
        long maxBody = spec.integer("maxBodyBytes", DEFAULT_MAX_BODY, false, 1, 64L * 1024 * 1024);
        List<SpecMap> stepMaps = spec.mapList("steps", true);
        if (stepMaps.isEmpty() && spec.has("steps")) {
            spec.problem("steps", "invalid_value", "a probe needs at least one step", null);
        }
        if (stepMaps.size() > MAX_STEPS) {
            spec.problem("steps", "out_of_range", "a probe has at most " + MAX_STEPS + " steps, this one has " + stepMaps.size(),
                    "split the journey into several probes");
        }
        List<Probe.Step> steps = steps(stepMaps, timeout, timeoutSound);
        spec.finish();
        return new Spec(kind, interval, timeout, maxBody, steps);
    }

    private List<Probe.Step> steps(List<SpecMap> stepMaps, Duration timeout, boolean timeoutSound) {
        List<Probe.Step> steps = new ArrayList<>();
        Set<String> stepNames = new HashSet<>();
        Set<String> variables = new HashSet<>();
        for (SpecMap stepMap : stepMaps) {
            // A step timeout is compared with the probe's only when that was valid: else the comparison is with a fallback.
            Probe.Step step = new StepReader(this, stepMap, timeout, timeoutSound, variables).read();
            if (step != null && step.name() != null && !stepNames.add(step.name())) {
                stepMap.problem("name", "duplicate_name", "another step of this probe is named '" + step.name() + "'",
                        "step names must be unique within a probe");
            }
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    /** False while fleet.yaml is unreadable: service, dependency and allow-list checks wait until it is fixed. */
    boolean fleetKnown() {
        return fleet != null;
    }

    Fleet fleet() {
        return fleet;
    }

    AllowList allowList() {
        return allowList;
    }

    /** Reports a referenced secret the environment lacks, once per probe, at its first use. */
    void checkSecrets(SpecMap map, String key, Template template) {
        for (String secret : template.secrets()) {
            if (environment.apply(secret) == null && reportedSecrets.add(secret)) {
                map.problem(key, "secret_missing", "secret " + secret + " is not set in the environment, or is empty",
                        "export " + secret + " (not empty) where Nightwatch runs, then restart it; secrets never live in content");
            }
        }
    }

    /** Parses a template field; service and dependency references become their base URLs. */
    Template template(SpecMap map, String key, String text) {
        return Template.parse(text, ref -> resolve(map, key, ref), message -> {
            map.problem(key, "invalid_reference", message, null);
            return null;
        });
    }

    private String resolve(SpecMap map, String key, String ref) {
        if (fleet == null) {
            return UNKNOWN_BASE_URL;
        }
        String kind = ref.substring(0, ref.indexOf(':'));
        String name = ref.substring(ref.indexOf(':') + 1);
        if (kind.equals("service")) {
            var service = fleet.service(name);
            if (service.isPresent() && service.get().baseUrl() != null) {
                return stripSlash(service.get().baseUrl().toString());
            }
            if (service.isPresent()) {
                // Its baseUrl was already reported in fleet.yaml; "no service named" would send the reader the wrong way.
                return null;
            }
            map.problem(key, "unknown_reference", "no service named '" + name + "' in fleet.yaml", serviceHint(name));
            return null;
        }
        var dependency = fleet.dependency(name);
        if (dependency.isPresent() && dependency.get().baseUrl() != null) {
            return stripSlash(dependency.get().baseUrl().toString());
        }
        if (dependency.isPresent()) {
            return null;
        }
        map.problem(key, "unknown_reference", "no dependency named '" + name + "' in fleet.yaml", dependencyHint(fleet, name));
        return null;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String name(SpecMap map, String key) {
        return Names.read(map, key, "e.g. 'plan-creation'");
    }

    static String dependencyHint(Fleet fleet, String name) {
        return EditDistance.referenceHint(name, fleet.dependencies().stream().map(Fleet.Dependency::name).toList(),
                "dependencies in fleet.yaml");
    }

    private String serviceHint(String name) {
        return EditDistance.referenceHint(name, fleet.services().stream().map(Fleet.Service::name).toList(), "services in fleet.yaml");
    }

    static Duration duration(SpecMap map, String key, Duration defaultValue, Duration min, Duration max) {
        if (map.plain(key).orElse(null) instanceof Number n) {
            map.problem(key, "invalid_duration", "'" + n + "' has no unit", "e.g. " + n + "s, 300ms, 5m, 1h");
            return defaultValue;
        }
        String text = map.string(key, false);
        if (text == null) {
            return defaultValue;
        }
        Duration d = Durations.parse(text);
        if (d == null) {
            map.problem(key, "invalid_duration", "'" + text + "' is not a duration", "e.g. 300ms, 10s, 5m, 1h");
            return defaultValue;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            map.problem(key, "out_of_range", key + " is " + text + ", it must be between " + Durations.format(min) + " and "
                    + Durations.format(max), null);
            return defaultValue;
        }
        return d;
    }

}
