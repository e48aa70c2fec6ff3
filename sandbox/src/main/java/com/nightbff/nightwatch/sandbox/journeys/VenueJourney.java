package com.nightbff.nightwatch.sandbox.journeys;

import com.nightbff.nightwatch.sandbox.db.Rows;
import com.nightbff.nightwatch.sandbox.http.ApiError;
import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Request;
import com.nightbff.nightwatch.sandbox.http.Route;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * venue (3015): search by location and trending. SANDBOX_VENUE_SEARCH picks PostGIS (indexed ST_DWithin)
 * or a full great-circle scan, a config switch whose latency effect a pool or config change can show.
 */
final class VenueJourney implements Journey {

    private static final double LONDON_LAT = 51.5074;
    private static final double LONDON_LNG = -0.1278;

    private final JourneyContext ctx;

    VenueJourney(JourneyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.api("GET", "/api/venues/search", this::search), Route.api("GET", "/api/venues/trending", this::trending));
    }

    String strategy() {
        return ctx.postgis() && ctx.settings().get().venueSearch().equals("postgis") ? "postgis" : "scan";
    }

    private Reply search(Request request) throws Exception {
        if (request.query("lat") == null || request.query("lng") == null) {
            throw ApiError.badRequest("lat and lng are required");
        }
        double lat = request.queryDouble("lat", 0);
        double lng = request.queryDouble("lng", 0);
        double radiusKm = request.queryDouble("radiusKm", 5);
        if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || radiusKm <= 0 || radiusKm > 100) {
            throw ApiError.badRequest("lat, lng or radiusKm out of range");
        }
        String strategy = strategy();
        List<Map<String, Object>> venues;
        try (Connection c = ctx.pool().acquire()) {
            if (strategy.equals("postgis")) {
                venues = Rows.query(c, "SELECT id, name, category, lat, lng,"
                        + " round((ST_Distance(geog, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) / 1000)::numeric, 3)"
                        + " AS \"distanceKm\""
                        + " FROM venues WHERE ST_DWithin(geog, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?)"
                        + " ORDER BY \"distanceKm\" LIMIT 50", lng, lat, lng, lat, radiusKm * 1000);
            } else {
                venues = Rows.query(c, "SELECT id, name, category, lat, lng, round(d::numeric, 3) AS \"distanceKm\""
                        + " FROM (SELECT venues.*, " + Rows.distanceKm("venues") + " AS d FROM venues) v"
                        + " WHERE d <= ? ORDER BY d LIMIT 50", lat, lat, lng, radiusKm);
            }
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("venues", venues);
        reply.put("count", venues.size());
        reply.put("strategy", strategy);
        return Reply.ok(reply);
    }

    private Reply trending(Request request) throws Exception {
        double lat = request.queryDouble("lat", LONDON_LAT);
        double lng = request.queryDouble("lng", LONDON_LNG);
        try (Connection c = ctx.pool().acquire()) {
            List<Map<String, Object>> venues = Rows.query(c, "SELECT id, name, category, lat, lng, popularity,"
                    + " round(" + Rows.distanceKm("venues") + "::numeric, 3) AS \"distanceKm\""
                    + " FROM venues ORDER BY popularity DESC, id LIMIT 20", lat, lat, lng);
            return Reply.ok(Map.of("venues", venues, "count", venues.size()));
        }
    }

    @Override
    public void describe(Map<String, Object> health) {
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("configured", ctx.settings().get().venueSearch());
        search.put("effective", strategy());
        search.put("postgisAvailable", ctx.postgis());
        health.put("venueSearch", search);
    }
}
