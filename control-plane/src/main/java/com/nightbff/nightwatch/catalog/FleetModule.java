package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.EditDistance;
import com.nightbff.nightwatch.spec.Names;
import com.nightbff.nightwatch.spec.Problems;
import com.nightbff.nightwatch.spec.SourcePosition;
import com.nightbff.nightwatch.spec.SpecMap;
import com.nightbff.nightwatch.spec.YamlDocuments;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads and checks {@code fleet.yaml}: types, ranges, unique names, and references between entries. */
public final class FleetModule implements ContentModule<Fleet> {

    private static final Pattern HOST_NAME =
            Pattern.compile("(?i)(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    static final String API_VERSION = "nightwatch/v1";

    @Override
    public String name() {
        return "fleet";
    }

    @Override
    public Class<Fleet> type() {
        return Fleet.class;
    }

    @Override
    public String summary(Fleet section) {
        return section.services().size() + " services, " + section.databases().size() + " database(s)";
    }

    @Override
    public Fleet load(ContentSource source, BundleContext context, Problems problems) {
        var bytes = source.read(Fleet.FILE);
        if (bytes.isEmpty()) {
            problems.add(SourcePosition.startOf(Fleet.FILE), "$", "missing_file",
                    "fleet.yaml is missing from the content root", "every content repository declares its services in fleet.yaml");
            return null;
        }
        List<SpecMap> docs = YamlDocuments.parse(Fleet.FILE, bytes.get(), problems);
        if (docs.isEmpty()) {
            return null;
        }
        if (docs.size() > 1) {
            problems.add(docs.get(1).position(), "$", "multiple_documents", "fleet.yaml must hold exactly one document",
                    "remove the '---' separator and merge the documents");
        }
        return read(docs.get(0));
    }

    private Fleet read(SpecMap doc) {
        doc.header(API_VERSION, "Fleet");
        Set<String> seen = new HashSet<>();
        // Entries without a usable name were reported and are left out: nothing can refer to them.
        List<Fleet.Database> databases = doc.mapList("databases", true).stream().map(m -> database(m, seen))
                .filter(d -> d.name() != null).toList();
        seen.clear();
        List<Fleet.Redis> redis = doc.mapList("redis", false).stream().map(m -> redis(m, seen)).filter(r -> r.name() != null).toList();
        seen.clear();
        List<Fleet.Dependency> dependencies = doc.mapList("dependencies", false).stream().map(m -> dependency(m, seen))
                .filter(d -> d.name() != null).toList();
        seen.clear();
        Map<String, String> poolSettings = new HashMap<>();
        Set<String> endpoints = new HashSet<>();
        List<SpecMap> serviceMaps = doc.mapList("services", true);
        List<Fleet.Service> services = new ArrayList<>();
        Set<String> databaseNames = names(databases, Fleet.Database::name);
        Set<String> redisNames = names(redis, Fleet.Redis::name);
        Set<String> dependencyNames = names(dependencies, Fleet.Dependency::name);
        for (SpecMap map : serviceMaps) {
            Fleet.Service service = service(map, seen, databaseNames, redisNames, dependencyNames);
            URI url = service.baseUrl();
            if (url != null && !endpoints.add(url.getHost() + ":" + url.getPort())) {
                map.problem("baseUrl", "duplicate_endpoint", "another service already listens on " + url.getHost() + ":"
                        + url.getPort(), "each service has its own host and port");
            }
            Fleet.Pool pool = service.pool();
            if (pool != null && pool.file() != null && service.name() != null) {
                String other = poolSettings.putIfAbsent(pool.file() + " " + pool.key(), service.name());
                if (other != null) {
                    map.problem("pool", "duplicate_pool_setting", "service '" + other + "' already takes its pool size from "
                            + pool.file() + " / " + pool.key(), "each service needs a setting of its own");
                }
            }
            if (service.name() != null) {
                services.add(service);
            }
        }
        List<String> allowHosts = allowHosts(doc);
        if (serviceMaps.isEmpty() && doc.has("services")) {
            doc.problem("services", "invalid_value", "the fleet declares no services", "list at least one service");
        }
        doc.finish();
        return new Fleet(databases, redis, services, dependencies, allowHosts);
    }

    private Fleet.Database database(SpecMap m, Set<String> seen) {
        String name = name(m, seen);
        Integer max = m.integer("maxConnections", 0, true, 1, 262_143);
        Integer reserved = m.integer("superuserReserved", 3, false, 0, 1000);
        var headroom = m.integerMap("headroom", 0, 10_000);
        String url = m.string("url", false);
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            m.problem("url", "invalid_value", "url must be a PostgreSQL JDBC URL", "e.g. jdbc:postgresql://127.0.0.1:5432/nightbff");
        }
        m.finish();
        Fleet.Database db = new Fleet.Database(name, max, reserved, headroom, url, m.position());
        if (max > 0 && db.poolBudget() <= 0) {
            m.problem("maxConnections", "invalid_value", "reserved connections and headroom (" + (max - db.poolBudget())
                    + ") leave no connections for the services out of " + max, "raise maxConnections or lower the headroom");
        }
        return db;
    }

    private Fleet.Redis redis(SpecMap m, Set<String> seen) {
        String name = name(m, seen);
        URI url = uri(m, "url", true, Set.of("redis", "rediss"), "redis://127.0.0.1:6379");
        m.finish();
        return new Fleet.Redis(name, url, m.position());
    }

    private Fleet.Dependency dependency(SpecMap m, Set<String> seen) {
        String name = name(m, seen);
        URI url = uri(m, "baseUrl", true, Set.of("http", "https"), "https://maps.googleapis.com");
        boolean external = m.bool("external", true);
        m.finish();
        return new Fleet.Dependency(name, url, external, m.position());
    }

    private Fleet.Service service(SpecMap m, Set<String> seen, Set<String> databases, Set<String> redis,
                                  Set<String> dependencies) {
        String name = name(m, seen);
        URI url = uri(m, "baseUrl", true, Set.of("http", "https"), "http://127.0.0.1:3010");
        int replicas = m.integer("replicas", 1, false, 1, 10_000);
        int maxSurge = m.integer("maxSurge", 1, false, 0, 10_000);
        String database = reference(m, "database", true, databases, "databases");
        String cache = reference(m, "redis", false, redis, "redis");
        List<String> deps = new ArrayList<>();
        for (SpecMap.Item dep : m.stringItems("dependencies")) {
            if (!dependencies.contains(dep.value())) {
                m.problems().add(dep.position(), dep.path(), "unknown_reference", "no dependency named '" + dep.value() + "'",
                        EditDistance.referenceHint(dep.value(), dependencies, "dependencies"));
            } else if (deps.contains(dep.value())) {
                m.problems().add(dep.position(), dep.path(), "duplicate_name", "dependency '" + dep.value() + "' is listed twice",
                        "list each dependency once");
            }
            deps.add(dep.value());
        }
        Fleet.Pool pool = m.map("pool", database != null).map(this::pool).orElse(null);
        m.finish();
        return new Fleet.Service(name, url, replicas, maxSurge, database, cache, deps, pool, m.position());
    }

    private Fleet.Pool pool(SpecMap m) {
        String file = m.string("file", true);
        if (file != null && (!file.startsWith("deploy/") || !file.endsWith(".env") || file.contains(".."))) {
            m.problem("file", "invalid_value", "pool.file must name an env file under deploy/", "e.g. deploy/auth.env");
            file = null;
        }
        String key = m.string("key", "DB_POOL_SIZE");
        int min = m.integer("min", 1, false, 1, 10_000);
        int max = m.integer("max", 100, false, 1, 10_000);
        double weight = m.number("weight", 1.0, false, 0.0001, 1000);
        if (min > max) {
            m.problem("min", "invalid_value", "pool.min (" + min + ") is greater than pool.max (" + max + ")", null);
        }
        m.finish();
        return new Fleet.Pool(file, key, min, max, weight, m.has("file") ? m.positionOf("file") : m.position());
    }

    /** Reads an entry's name and checks it is well-formed and unique within its section. */
    private static String name(SpecMap m, Set<String> seen) {
        // An invalid name is still returned: the entry stays in the model so references to it are not reported too.
        String name = m.string("name", true);
        if (name != null && Names.check(m, "name", name, "e.g. 'venue' or 'push-gateway'") && !seen.add(name)) {
            m.problem("name", "duplicate_name", "another entry in this list is already named '" + name + "'", "names must be unique");
        }
        return name;
    }

    private static String reference(SpecMap m, String key, boolean required, Set<String> targets, String section) {
        String value = m.string(key, required);
        if (value != null && !targets.contains(value)) {
            m.problem(key, "unknown_reference", "no " + section + " entry named '" + value + "'",
                    EditDistance.referenceHint(value, targets, section));
            return null;
        }
        return value;
    }

    private static URI uri(SpecMap m, String key, boolean required, Set<String> schemes, String example) {
        String text = m.string(key, required);
        if (text == null) {
            return null;
        }
        String notUrl = "'" + text + "' is not a URL with scheme " + String.join(" or ", new java.util.TreeSet<>(schemes)) + " and a host";
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
                m.problem(key, "invalid_url", notUrl, "e.g. " + example);
                return null;
            }
            if (uri.getPort() == 0 || uri.getPort() > 65_535) {
                m.problem(key, "invalid_url", "port " + uri.getPort() + " in '" + text + "' is not between 1 and 65535", "e.g. " + example);
                return null;
            }
            if (uri.getRawPath() != null && uri.getRawPath().length() > 1 || uri.getQuery() != null) {
                m.problem(key, "invalid_url", "'" + text + "' must be a base URL without path or query", "e.g. " + example);
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            m.problem(key, "invalid_url", notUrl, "e.g. " + example);
            return null;
        }
    }

    /** Extra hosts probes may reach: bare host names or IP addresses, as a URL's host would be written. */
    private static List<String> allowHosts(SpecMap doc) {
        List<String> valid = new ArrayList<>();
        for (SpecMap.Item item : doc.stringItems("allowHosts")) {
            String host = item.value();
            // A fully qualified name's trailing dot is fine, as the allow list itself reads it.
            String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            if (HOST_NAME.matcher(name).matches() && !name.matches("[0-9.]+") || ipLiteral(host)) {
                valid.add(host);
            } else {
                doc.problems().add(item.position(), item.path(), "invalid_value",
                        "'" + host + "' is not a host name or IP address", "no scheme, port, path or wildcard, e.g. maps.googleapis.com");
            }
        }
        return valid;
    }

    private static boolean ipLiteral(String host) {
        if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return java.util.Arrays.stream(host.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.contains(":") || !bare.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            // Only hex digits, colons and dots reach here, so this parses a literal and never asks DNS.
            return java.net.InetAddress.getByName(bare) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static <T> Set<String> names(Collection<T> items, Function<T, String> name) {
        Set<String> out = new HashSet<>();
        items.stream().map(name).filter(java.util.Objects::nonNull).forEach(out::add);
        return out;
    }
}
