package com.nightbff.nightwatch.sandbox.fleet;

import java.util.LinkedHashMap;
import java.util.Map;

/** NightBFF's ports (as in fleet.yaml); an offset moves them all so tests can run beside a demo. */
public final class Ports {

    public static final Map<String, Integer> SERVICES;
    public static final int GEOCODER = 3020;
    public static final int CONTROL = 3029;

    static {
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("auth", 3010);
        services.put("user", 3011);
        services.put("plan", 3012);
        services.put("event", 3013);
        services.put("interest", 3014);
        services.put("venue", 3015);
        services.put("chat", 3016);
        services.put("notification", 3017);
        SERVICES = java.util.Collections.unmodifiableMap(services);
    }

    private Ports() {
    }
}
