package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.probes.ProbesModule;
import java.util.List;

/**
 * The modules every bundle is validated with, in dependency order (the fleet first: other
 * modules check their references against it). The CLI and the plane use the same list, so
 * {@code nightwatch validate} accepts exactly what the plane would apply.
 */
public final class ContentModules {

    private ContentModules() {
    }

    public static List<ContentModule<?>> defaults() {
        return List.of(new FleetModule(), new DeployEnvironmentModule(), new ProbesModule());
    }
}
