package com.nightbff.nightwatch.sandbox.geocoder;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The cities the stub knows: real ones and "Test Destination City 1".."50" from NightBFF's load tests. */
public final class CityCatalog {

    private final Map<String, City> byKey = new LinkedHashMap<>();

    public CityCatalog() {
        add("London", 51.5074, -0.1278, "London, UK");
        add("Berlin", 52.5200, 13.4050, "Berlin, Germany");
        add("New York", 40.7128, -74.0060, "New York, NY, USA");
        add("Paris", 48.8566, 2.3522, "Paris, France");
        add("Barcelona", 41.3874, 2.1686, "Barcelona, Spain");
        add("Amsterdam", 52.3676, 4.9041, "Amsterdam, Netherlands");
        add("Los Angeles", 34.0522, -118.2437, "Los Angeles, CA, USA");
        add("Tokyo", 35.6762, 139.6503, "Tokyo, Japan");
        add("Madrid", 40.4168, -3.7038, "Madrid, Spain");
        add("Lisbon", 38.7223, -9.1393, "Lisbon, Portugal");
        add("Dublin", 53.3498, -6.2603, "Dublin, Ireland");
        add("Miami", 25.7617, -80.1918, "Miami, FL, USA");
        add("Chicago", 41.8781, -87.6298, "Chicago, IL, USA");
        add("San Francisco", 37.7749, -122.4194, "San Francisco, CA, USA");
        add("Sydney", -33.8688, 151.2093, "Sydney NSW, Australia");
        add("Rio de Janeiro", -22.9068, -43.1729, "Rio de Janeiro, Brazil");
        add("Ibiza", 38.9067, 1.4206, "Ibiza, Spain");
        add("Prague", 50.0755, 14.4378, "Prague, Czechia");
        add("Budapest", 47.4979, 19.0402, "Budapest, Hungary");
        add("Bangkok", 13.7563, 100.5018, "Bangkok, Thailand");
        for (int i = 1; i <= 50; i++) {
            // Spread around London so the test cities have nearby venues in the seeded data.
            add("Test Destination City " + i, 51.3 + (i % 10) * 0.05, -0.5 + (i / 10) * 0.1, "Test Destination City " + i + ", UK");
        }
    }

    private void add(String name, double lat, double lng, String formatted) {
        byKey.put(key(name), new City(name, lat, lng, formatted));
    }

    private static String key(String address) {
        String head = address.strip();
        int comma = head.indexOf(',');
        if (comma > 0) {
            head = head.substring(0, comma).strip();
        }
        return head.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Case-insensitive; "London, UK" finds London. */
    public Optional<City> find(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKey.get(key(address)));
    }

    public int size() {
        return byKey.size();
    }
}
