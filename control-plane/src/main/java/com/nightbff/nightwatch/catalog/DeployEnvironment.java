package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.EnvFile;
import java.util.Map;
import java.util.Optional;

/** The services' env files and the pool size each one declares where fleet.yaml says it does. */
public record DeployEnvironment(Map<String, EnvFile> files, Map<String, Integer> poolSizes) {

    public static final DeployEnvironment EMPTY = new DeployEnvironment(Map.of(), Map.of());

    public DeployEnvironment {
        files = Map.copyOf(files);
        poolSizes = Map.copyOf(poolSizes);
    }

    public Optional<Integer> poolSize(String service) {
        return Optional.ofNullable(poolSizes.get(service));
    }
}
