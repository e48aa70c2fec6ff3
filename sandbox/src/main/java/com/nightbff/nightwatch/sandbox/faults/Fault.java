package com.nightbff.nightwatch.sandbox.faults;

/** A fault on one route, or on all routes when {@code route} is null. */
public record Fault(String route, long latencyMs, double errorRate) {

    public Fault {
        if (latencyMs < 0 || latencyMs > 60_000) {
            throw new IllegalArgumentException("latencyMs must be between 0 and 60000");
        }
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be between 0 and 1");
        }
    }

    boolean applies(String path) {
        return route == null || route.equals(path);
    }
}
