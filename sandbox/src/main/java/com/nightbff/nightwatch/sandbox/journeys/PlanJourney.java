package com.nightbff.nightwatch.sandbox.journeys;

import com.nightbff.nightwatch.sandbox.auth.Principal;
import com.nightbff.nightwatch.sandbox.db.Rows;
import com.nightbff.nightwatch.sandbox.geocoder.City;
import com.nightbff.nightwatch.sandbox.http.ApiError;
import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Request;
import com.nightbff.nightwatch.sandbox.http.Route;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** plan (3012): creating a night plan, with the destination resolved through the geocoding API. */
final class PlanJourney implements Journey {

    private final JourneyContext ctx;

    PlanJourney(JourneyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.api("POST", "/api/plans", this::create), Route.api("GET", "/api/plans", this::list));
    }

    private Reply create(Request request) throws Exception {
        Principal principal = ctx.auth().require(request);
        JsonNode body = request.json();
        String destination = body.path("destination").asString("").strip();
        if (destination.isEmpty()) {
            throw ApiError.badRequest("destination must be a non-empty string");
        }
        Instant startsAt = parseStartsAt(body.path("startsAt").asString(""));
        // Resolve before taking a connection: a slow geocoder must not hold pool slots.
        City city = ctx.geocoder().resolve(destination).orElseThrow(PlanJourney::unresolved);
        try (Connection c = ctx.pool().acquire()) {
            Map<String, Object> row = Rows.one(c, "INSERT INTO plans(user_id, destination, city_name, lat, lng, starts_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id, created_at", principal.userId(), destination, city.name(),
                    city.lat(), city.lng(), Timestamp.from(startsAt));
            Map<String, Object> cityJson = new LinkedHashMap<>();
            cityJson.put("name", city.name());
            cityJson.put("lat", city.lat());
            cityJson.put("lng", city.lng());
            cityJson.put("formattedAddress", city.formattedAddress());
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("id", row.get("id"));
            reply.put("userId", principal.userId());
            reply.put("destination", destination);
            reply.put("city", cityJson);
            reply.put("startsAt", startsAt.toString());
            reply.put("createdAt", row.get("created_at"));
            return Reply.json(201, reply);
        }
    }

    /** NightBFF's exact answer, without NestJS's usual "error" field. */
    private static ApiError unresolved() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", 400);
        body.put("message", "Could not resolve destination city");
        return new ApiError(400, body);
    }

    private static Instant parseStartsAt(String value) {
        if (value.isBlank()) {
            return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("startsAt must be a valid ISO 8601 date string");
        }
    }

    private Reply list(Request request) throws Exception {
        Principal principal = ctx.auth().require(request);
        try (Connection c = ctx.pool().acquire()) {
            List<Map<String, Object>> plans = Rows.query(c, "SELECT id, destination, city_name AS \"cityName\", lat, lng,"
                    + " starts_at AS \"startsAt\", created_at AS \"createdAt\" FROM plans WHERE user_id = ?"
                    + " ORDER BY created_at DESC LIMIT 20", principal.userId());
            return Reply.ok(Map.of("plans", plans, "count", plans.size()));
        }
    }
}
