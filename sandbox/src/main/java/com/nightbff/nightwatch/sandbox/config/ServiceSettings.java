package com.nightbff.nightwatch.sandbox.config;

import java.util.Map;

/** The settings a service takes from its env file; unknown keys are kept for /health and status. */
public record ServiceSettings(int poolSize, String venueSearch, long dbLatencyMs, Map<String, String> raw) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final String POOL_KEY = "DB_POOL_SIZE";
    public static final String VENUE_SEARCH_KEY = "SANDBOX_VENUE_SEARCH";
    public static final String DB_LATENCY_KEY = "SANDBOX_DB_LATENCY_MS";
    public static final long MAX_DB_LATENCY_MS = 10_000;

    /** Invalid values fall back to the previous settings, as a service would keep its running config. */
    public static ServiceSettings from(Map<String, String> env, ServiceSettings previous) {
        int pool = (int) bounded(env.get(POOL_KEY), 1, 1000, previous.poolSize());
        long latency = env.containsKey(DB_LATENCY_KEY) ? bounded(env.get(DB_LATENCY_KEY), 0, MAX_DB_LATENCY_MS, previous.dbLatencyMs()) : 0;
        String search = env.getOrDefault(VENUE_SEARCH_KEY, "postgis").strip().toLowerCase(java.util.Locale.ROOT);
        if (!search.equals("scan")) {
            search = "postgis";
        }
        return new ServiceSettings(pool, search, latency, Map.copyOf(env));
    }

    /** A typo keeps the running value: it must not take the service down. */
    private static long bounded(String value, long min, long max, long previous) {
        if (value == null) {
            return previous;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            return parsed >= min && parsed <= max ? parsed : previous;
        } catch (NumberFormatException e) {
            return previous;
        }
    }

    public static ServiceSettings defaults() {
        return new ServiceSettings(DEFAULT_POOL_SIZE, "postgis", 0, Map.of());
    }
}
