package com.nightbff.nightwatch.probes;

import com.nightbff.nightwatch.catalog.BundleContext;
import com.nightbff.nightwatch.catalog.ContentModule;
import com.nightbff.nightwatch.catalog.ContentSource;
import com.nightbff.nightwatch.catalog.Fleet;
import com.nightbff.nightwatch.spec.Problems;
import com.nightbff.nightwatch.spec.SourcePosition;
import com.nightbff.nightwatch.spec.SpecMap;
import com.nightbff.nightwatch.spec.SpecProblem;
import com.nightbff.nightwatch.spec.YamlDocuments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads every {@code *.yaml} and {@code *.yml} file under {@code probes/}, subfolders included (one or
 * more Probe documents per file), after the fleet, whose services, dependencies and allow list the
 * probes are checked against. Any other file there except {@code *.md} notes and dotfiles is reported
 * rather than skipped, so a probe saved under a name that is not read cannot silently never run.
 * Secrets are looked up in the environment here too, so a probe that could not log in is rejected
 * before it is scheduled.
 */
public final class ProbesModule implements ContentModule<Probes> {

    /** The protocols a prober exists for; {@code spec.kind} must be one of them. */
    public static final Set<String> KINDS = Set.of("http");

    private final Function<String, String> environment;

    public ProbesModule() {
        this(System::getenv);
    }

    public ProbesModule(Function<String, String> environment) {
        this.environment = Secrets.from(environment);
    }

    @Override
    public String name() {
        return "probes";
    }

    @Override
    public Class<Probes> type() {
        return Probes.class;
    }

    /**
     * A secret missing here is this replica's environment, not the content; a stray file in probes/ is
     * skipped, and an applied revision may predate the rule: see {@link ContentModule#codesAppliedRevisionsRunWith()}.
     */
    @Override
    public Set<String> codesAppliedRevisionsRunWith() {
        return Set.of("secret_missing", "ignored_file");
    }

    @Override
    public String summary(Probes section) {
        return section.probes().size() + " probe(s)";
    }

    @Override
    public Probes load(ContentSource source, BundleContext context, Problems problems) {
        // Without a fleet (fleet.yaml is broken) no reference can be checked, but each probe's own fields can: reported
        // now rather than after the fleet is fixed.
        Fleet fleet = context.section(Fleet.class).orElse(null);
        AllowList allowList = allowList(fleet);
        List<Probe> probes = new ArrayList<>();
        Map<String, Probe> byName = new HashMap<>();
        for (String file : source.filesUnder(Probes.FOLDER)) {
            if (!isProbeFile(file)) {
                reportIfIgnored(file, problems);
                continue;
            }
            byte[] bytes = source.read(file).orElse(new byte[0]);
            for (SpecMap doc : YamlDocuments.parse(file, bytes, problems)) {
                Probe probe = new ProbeReader(doc, fleet, allowList, environment).read();
                if (probe == null) {
                    continue;
                }
                Probe previous = byName.putIfAbsent(probe.name(), probe);
                if (previous != null) {
                    problems.add(probe.position(), "metadata.name", "duplicate_name",
                            "another probe is already named '" + probe.name() + "' (" + previous.position() + ")",
                            "probe names must be unique across probes/");
                } else {
                    probes.add(probe);
                }
            }
        }
        return fleet == null ? Probes.NONE : new Probes(probes, allowList);
    }

    private static AllowList allowList(Fleet fleet) {
        if (fleet == null) {
            return new AllowList(List.of());
        }
        try {
            return AllowList.of(fleet);
        } catch (IllegalArgumentException e) {
            return new AllowList(List.of());
        }
    }

    static boolean isProbeFile(String file) {
        return file.endsWith(".yaml") || file.endsWith(".yml");
    }

    /** Notes beside the probes ({@code README.md}) and dotfiles ({@code .gitkeep}) are expected there; anything else is not. */
    private static void reportIfIgnored(String file, Problems problems) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (name.startsWith(".") || name.endsWith(".md")) {
            return;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String hint = dot > 0 && (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"))
                ? "rename it to " + name.substring(0, dot) + ".yaml"
                : "rename it to .yaml if it is a probe, else move it out of probes/ (only *.md notes may sit beside probes)";
        problems.add(SourcePosition.startOf(file), SpecProblem.ROOT, "ignored_file",
                "this file is not read: probes are read from the *.yaml and *.yml files under probes/", hint);
    }
}
