package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.SourcePosition;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The services Nightwatch watches and the shared resources whose budgets they draw on. */
public record Fleet(List<Database> databases, List<Redis> redis, List<Service> services,
                    List<Dependency> dependencies, List<String> allowHosts) {

    public static final String FILE = "fleet.yaml";

    /** A PostgreSQL server and the connections reserved on it for others than the services. */
    public record Database(String name, int maxConnections, int superuserReserved, Map<String, Integer> headroom,
                           String url, SourcePosition position) {

        /** Connections the services' pools may share: the limit minus reserved and headroom. */
        public int poolBudget() {
            return maxConnections - superuserReserved - headroom.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A Redis the services cache in. */
    public record Redis(String name, URI url, SourcePosition position) {
    }

    /** Where a service declares its pool size, and the bounds a planner may choose within; positioned at its {@code file}. */
    public record Pool(String file, String key, int min, int max, double weight, SourcePosition position) {
    }

    /** One NightBFF service. */
    public record Service(String name, URI baseUrl, int replicas, int maxSurge, String database, String redis,
                          List<String> dependencies, Pool pool, SourcePosition position) {
    }

    /** A third-party call services make (the geocoder); failures there are paged separately. */
    public record Dependency(String name, URI baseUrl, boolean external, SourcePosition position) {
    }

    public Optional<Service> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Dependency> dependency(String name) {
        return dependencies.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<Database> database(String name) {
        return databases.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
