package com.nightbff.nightwatch.probes;

import com.nightbff.nightwatch.catalog.BundleContext;
import com.nightbff.nightwatch.catalog.ContentModule;
import com.nightbff.nightwatch.catalog.ContentSource;
import com.nightbff.nightwatch.catalog.Fleet;
import com.nightbff.nightwatch.spec.Problems;
import com.nightbff.nightwatch.spec.SpecMap;
import com.nightbff.nightwatch.spec.YamlDocuments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads {@code probes/*.yaml} (one or more Probe documents per file) after the fleet, whose
 * services, dependencies and allow list the probes are checked against. Secrets are looked up in
 * the environment here too, so a probe that could not log in is rejected before it is scheduled.
 */
public final class ProbesModule implements ContentModule<Probes> {

    /** The protocols a prober exists for; {@code spec.kind} must be one of them. */
    public static final Set<String> KINDS = Set.of("http");

    private final Function<String, String> environment;

    public ProbesModule() {
        this(System::getenv);
    }

    public ProbesModule(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "probes";
    }

    @Override
    public Class<Probes> type() {
        return Probes.class;
    }

    /** A secret missing here is this replica's environment, not the content: see {@link ContentModule#environmentCodes()}. */
    @Override
    public Set<String> environmentCodes() {
        return Set.of("secret_missing");
    }

    @Override
    public String summary(Probes section) {
        return section.probes().size() + " probe(s)";
    }

    @Override
    public Probes load(ContentSource source, BundleContext context, Problems problems) {
        Fleet fleet = context.section(Fleet.class).orElse(null);
        if (fleet == null) {
            // No reference can be checked without a fleet, but the files' own YAML problems are still worth showing now.
            for (String file : source.filesUnder(Probes.FOLDER, ".yaml", ".yml")) {
                YamlDocuments.parse(file, source.read(file).orElse(new byte[0]), problems);
            }
            return Probes.NONE;
        }
        AllowList allowList;
        try {
            allowList = AllowList.of(fleet);
        } catch (IllegalArgumentException e) {
            allowList = new AllowList(List.of());
        }
        List<Probe> probes = new ArrayList<>();
        Map<String, Probe> byName = new HashMap<>();
        for (String file : source.filesUnder(Probes.FOLDER, ".yaml", ".yml")) {
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
        return new Probes(probes, allowList);
    }
}
