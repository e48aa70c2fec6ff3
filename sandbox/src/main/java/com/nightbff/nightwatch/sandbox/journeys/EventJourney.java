package com.nightbff.nightwatch.sandbox.journeys;

import com.nightbff.nightwatch.sandbox.db.Rows;
import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Request;
import com.nightbff.nightwatch.sandbox.http.Route;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/** event (3013): trending events, an aggregate over upcoming events joined with their venues. */
final class EventJourney implements Journey {

    private final JourneyContext ctx;

    EventJourney(JourneyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.api("GET", "/api/events/trending", this::trending));
    }

    private Reply trending(Request request) throws Exception {
        ctx.auth().require(request);
        int limit = (int) Math.min(100, Math.max(1, request.queryDouble("limit", 20)));
        try (Connection c = ctx.pool().acquire()) {
            List<Map<String, Object>> events = Rows.query(c, "SELECT e.id, e.title, e.starts_at AS \"startsAt\","
                    + " e.attendee_count AS \"attendeeCount\", v.id AS \"venueId\", v.name AS \"venueName\""
                    + " FROM events e JOIN venues v ON v.id = e.venue_id"
                    + " WHERE e.starts_at > now() - interval '1 day'"
                    + " ORDER BY e.attendee_count * 1.0 / (1 + extract(epoch FROM (e.starts_at - now())) / 86400.0) ^ 2 DESC"
                    + " LIMIT ?", limit);
            return Reply.ok(Map.of("events", events, "count", events.size()));
        }
    }
}
