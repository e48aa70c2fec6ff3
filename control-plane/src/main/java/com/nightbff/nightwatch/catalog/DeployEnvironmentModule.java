package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.EnvFile;
import com.nightbff.nightwatch.spec.Problems;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads every {@code deploy/*.env} and the pool size of each service from the file and key
 * fleet.yaml names. A pool size above the budget is not a content error: it is exactly the state
 * the pool reconciler must see and report, so it is loaded as it is.
 */
public final class DeployEnvironmentModule implements ContentModule<DeployEnvironment> {

    static final String FOLDER = "deploy";

    @Override
    public String name() {
        return "deploy";
    }

    @Override
    public Class<DeployEnvironment> type() {
        return DeployEnvironment.class;
    }

    @Override
    public String summary(DeployEnvironment section) {
        return section.files().size() + " env file(s)";
    }

    @Override
    public DeployEnvironment load(ContentSource source, BundleContext context, Problems problems) {
        Map<String, EnvFile> files = new LinkedHashMap<>();
        for (String path : source.filesUnder(FOLDER, ".env")) {
            source.read(path).ifPresent(bytes -> files.put(path, EnvFile.parse(path, bytes, problems)));
        }
        Map<String, Integer> poolSizes = new LinkedHashMap<>();
        context.section(Fleet.class).ifPresent(fleet -> {
            for (int i = 0; i < fleet.services().size(); i++) {
                Fleet.Service service = fleet.services().get(i);
                Integer size = poolSize(service, "services[" + i + "].pool", files, problems);
                if (size != null) {
                    poolSizes.put(service.name(), size);
                }
            }
        });
        return new DeployEnvironment(files, poolSizes);
    }

    private static Integer poolSize(Fleet.Service service, String path, Map<String, EnvFile> files, Problems problems) {
        Fleet.Pool pool = service.pool();
        if (pool == null || pool.file() == null) {
            return null;
        }
        EnvFile env = files.get(pool.file());
        if (env == null) {
            problems.add(pool.position(), path + ".file", "unknown_file", "env file " + pool.file() + " does not exist",
                    "create it with " + pool.key() + "=<size>, or fix the path");
            return null;
        }
        if (!env.readable()) {
            return null;
        }
        var entry = env.entry(pool.key());
        if (entry.isEmpty()) {
            problems.add(com.nightbff.nightwatch.spec.SourcePosition.startOf(env.file()), pool.key(), "missing_key",
                    env.file() + " does not set " + pool.key() + ", which fleet.yaml names as " + service.name() + "'s pool size",
                    "add a line " + pool.key() + "=<size>");
            return null;
        }
        try {
            String value = entry.get().value();
            // Digits only: the services read this with their own parsers, and "+7" or "007" is not a size they all agree on.
            int size = value.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(value) : 0;
            if (size < 1) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            problems.add(entry.get().position(), pool.key(), "invalid_value",
                    pool.key() + " must be a positive whole number, got '" + entry.get().value() + "'", "e.g. " + pool.key() + "=10");
            return null;
        }
    }
}
