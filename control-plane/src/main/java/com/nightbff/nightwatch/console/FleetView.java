package com.nightbff.nightwatch.console;

import com.nightbff.nightwatch.catalog.ContentSnapshot;
import com.nightbff.nightwatch.catalog.Fleet;
import java.util.List;

/**
 * The fleet as the home page shows it: each service with its declared pool size, and per
 * database the connections the declared pools can open against what PostgreSQL allows.
 */
public record FleetView(List<ServiceRow> services, List<DatabaseRow> databases) {

    /** One service row. */
    public record ServiceRow(String name, String baseUrl, int replicas, int maxSurge, String database, String poolFile,
                      Integer poolSize) {
    }

    /**
     * Declared demand at steady state (pool × replicas) and during a rolling deploy (pool ×
     * (replicas + maxSurge)), against the budget left after reserved connections and headroom.
     */
    public record DatabaseRow(String name, int maxConnections, int budget, int steadyDemand, int surgeDemand, int unknownPools) {
        public boolean overBudget() {
            return surgeDemand > budget;
        }
    }

    static FleetView of(ContentSnapshot snapshot) {
        Fleet fleet = snapshot.fleet();
        var deploy = snapshot.deploy();
        List<ServiceRow> services = fleet.services().stream().map(s -> new ServiceRow(s.name(), s.baseUrl().toString(),
                s.replicas(), s.maxSurge(), s.database(), s.pool() == null ? null : s.pool().file(),
                deploy.poolSize(s.name()).orElse(null))).toList();
        List<DatabaseRow> databases = fleet.databases().stream().map(db -> {
            int steady = 0;
            int surge = 0;
            int unknown = 0;
            for (Fleet.Service s : fleet.services()) {
                if (!db.name().equals(s.database())) {
                    continue;
                }
                Integer pool = deploy.poolSize(s.name()).orElse(null);
                if (pool == null) {
                    unknown++;
                    continue;
                }
                steady += pool * s.replicas();
                surge += pool * (s.replicas() + s.maxSurge());
            }
            return new DatabaseRow(db.name(), db.maxConnections(), db.poolBudget(), steady, surge, unknown);
        }).toList();
        return new FleetView(services, databases);
    }
}
