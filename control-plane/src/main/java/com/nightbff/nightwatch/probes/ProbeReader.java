package com.nightbff.nightwatch.probes;

import com.nightbff.nightwatch.catalog.Fleet;
import com.nightbff.nightwatch.spec.EditDistance;
import com.nightbff.nightwatch.spec.Names;
import com.nightbff.nightwatch.spec.SpecMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reads one Probe document; every rule reports at the offending value and reading goes on. */
final class ProbeReader {

    static final String API_VERSION = "nightwatch/v1";
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_INTERVAL = Duration.ofHours(24);
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_MAX_BODY = 1024 * 1024;
    static final int MAX_STEPS = 20;
    /** The step label of probe-level series, so it cannot be a step's own name. */
    static final String RESERVED_STEP = "all";

    private final SpecMap doc;
    private final Fleet fleet;
    private final AllowList allowList;
    private final Function<String, String> environment;
    private final Set<String> reportedSecrets = new HashSet<>();

    ProbeReader(SpecMap doc, Fleet fleet, AllowList allowList, Function<String, String> environment) {
        this.doc = doc;
        this.fleet = fleet;
        this.allowList = allowList;
        this.environment = environment;
    }

    Probe read() {
        if (!doc.header(API_VERSION, "Probe")) {
            return null;
        }
        SpecMap metadata = doc.map("metadata", true).orElse(null);
        SpecMap spec = doc.map("spec", true).orElse(null);
        doc.finish();
        if (metadata == null || spec == null) {
            return null;
        }
        String name = name(metadata, "name");
        String service = metadata.string("service", true);
        if (service != null && fleet.service(service).isEmpty()) {
            metadata.problem("service", "unknown_reference", "no service named '" + service + "' in fleet.yaml", serviceHint(service));
        }
        String runbook = metadata.string("runbook", false);
        String description = metadata.string("description", false);
        metadata.finish();

        String kind = spec.string("kind", "http");
        if (!ProbesModule.KINDS.contains(kind)) {
            spec.problem("kind", "unknown_prober", "no prober for kind '" + kind + "'",
                    "supported: " + String.join(", ", ProbesModule.KINDS));
        }
        Duration interval = duration(spec, "interval", DEFAULT_INTERVAL, MIN_INTERVAL, MAX_INTERVAL);
        Duration timeout = duration(spec, "timeout", DEFAULT_TIMEOUT, Duration.ofMillis(10), MAX_INTERVAL);
        if (timeout.compareTo(interval) > 0) {
            spec.problem("timeout", "invalid_value", "timeout " + Durations.format(timeout) + " is longer than the interval "
                    + Durations.format(interval), "a run must finish before the next one is due");
        }
        long maxBody = spec.integer("maxBodyBytes", DEFAULT_MAX_BODY, false, 1, 64L * 1024 * 1024);
        List<Probe.Step> steps = new ArrayList<>();
        List<SpecMap> stepMaps = spec.mapList("steps", true);
        if (stepMaps.isEmpty() && spec.has("steps")) {
            spec.problem("steps", "invalid_value", "a probe needs at least one step", null);
        }
        if (stepMaps.size() > MAX_STEPS) {
            spec.problem("steps", "out_of_range", "a probe has at most " + MAX_STEPS + " steps, this one has " + stepMaps.size(),
                    "split the journey into several probes");
        }
        Set<String> stepNames = new HashSet<>();
        Set<String> variables = new HashSet<>();
        for (SpecMap stepMap : stepMaps) {
            Probe.Step step = new StepReader(this, stepMap, timeout, variables).read();
            if (step != null && step.name() != null && !stepNames.add(step.name())) {
                stepMap.problem("name", "duplicate_name", "another step of this probe is named '" + step.name() + "'",
                        "step names must be unique within a probe");
            }
            if (step != null) {
                steps.add(step);
            }
        }
        spec.finish();
        // Positioned at its name: what a "duplicate name" or a console link should point at.
        return name == null ? null : new Probe(name, service, runbook, description, kind, interval, timeout, maxBody, steps,
                doc.file(), metadata.positionOf("name"));
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
                map.problem(key, "secret_missing", "secret " + secret + " is not set in the environment",
                        "export " + secret + " where Nightwatch runs; secrets never live in content");
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
