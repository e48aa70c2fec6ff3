package com.nightbff.nightwatch.sandbox.geocoder;

import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /maps/api/geocode/json?address=} in Google's response format. */
public final class GeocoderStub {

    public static final String PATH = "/maps/api/geocode/json";

    private final CityCatalog catalog;

    public GeocoderStub(CityCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Route> routes() {
        return List.of(Route.api("GET", PATH, request -> {
            String address = request.query("address");
            if (address == null || address.isBlank()) {
                return Reply.json(400, Map.of("results", List.of(), "status", "INVALID_REQUEST",
                        "error_message", "Invalid request. Missing the 'address', 'components', 'latlng' or 'place_id' parameter."));
            }
            return catalog.find(address)
                    .map(city -> Reply.ok(Map.of("results", List.of(result(city)), "status", "OK")))
                    .orElseGet(() -> Reply.ok(Map.of("results", List.of(), "status", "ZERO_RESULTS")));
        }));
    }

    private static Map<String, Object> result(City city) {
        Map<String, Object> location = Map.of("lat", city.lat(), "lng", city.lng());
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("location", location);
        geometry.put("location_type", "APPROXIMATE");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("address_components", List.of(Map.of("long_name", city.name(), "short_name", city.name(),
                "types", List.of("locality", "political"))));
        result.put("formatted_address", city.formattedAddress());
        result.put("geometry", geometry);
        result.put("place_id", "sandbox-" + city.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        result.put("types", List.of("locality", "political"));
        return result;
    }
}
