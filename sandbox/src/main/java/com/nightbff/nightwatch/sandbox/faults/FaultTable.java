package com.nightbff.nightwatch.sandbox.faults;

import com.nightbff.nightwatch.sandbox.http.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** The active faults of one server; the all-routes fault and a route's own fault both apply. */
public final class FaultTable {

    private static final String ALL = "*";

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    public void put(Fault fault) {
        faults.put(fault.route() == null ? ALL : fault.route(), fault);
    }

    public void clear() {
        faults.clear();
    }

    public List<Fault> active() {
        return new ArrayList<>(faults.values());
    }

    /** Sleeps for the injected latency, then throws an injected error with the configured probability. */
    public void apply(String route) {
        if (faults.isEmpty()) {
            return;
        }
        long latency = 0;
        double errorRate = 0;
        for (Fault fault : faults.values()) {
            if (fault.applies(route)) {
                latency += fault.latencyMs();
                errorRate = Math.max(errorRate, fault.errorRate());
            }
        }
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate) {
            throw ApiError.internal("Injected fault (sandbox)");
        }
    }
}
