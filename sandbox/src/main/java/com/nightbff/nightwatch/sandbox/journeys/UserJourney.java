package com.nightbff.nightwatch.sandbox.journeys;

import com.nightbff.nightwatch.sandbox.auth.Principal;
import com.nightbff.nightwatch.sandbox.db.Rows;
import com.nightbff.nightwatch.sandbox.http.ApiError;
import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Request;
import com.nightbff.nightwatch.sandbox.http.Route;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** user (3011): profile and the discovery query that failed first under pool exhaustion. */
final class UserJourney implements Journey {

    private final JourneyContext ctx;

    UserJourney(JourneyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.api("GET", "/api/users/me", this::profile), Route.api("GET", "/api/users/nearby", this::nearby));
    }

    private Reply profile(Request request) throws Exception {
        Principal principal = ctx.auth().require(request);
        try (Connection c = ctx.pool().acquire()) {
            Map<String, Object> user = Rows.one(c, "SELECT u.id, u.email, u.display_name AS \"displayName\", u.lat, u.lng,"
                    + " (SELECT count(*) FROM user_interests ui WHERE ui.user_id = u.id) AS \"interestCount\""
                    + " FROM users u WHERE u.id = ?", principal.userId());
            if (user == null) {
                throw ApiError.notFound("User not found");
            }
            return Reply.ok(user);
        }
    }

    private Reply nearby(Request request) throws Exception {
        Principal principal = ctx.auth().require(request);
        double radiusKm = request.queryDouble("radiusKm", 5);
        int limit = (int) Math.min(100, Math.max(1, request.queryDouble("limit", 20)));
        try (Connection c = ctx.pool().acquire()) {
            Map<String, Object> me = Rows.one(c, "SELECT lat, lng FROM users WHERE id = ?", principal.userId());
            if (me == null) {
                throw ApiError.notFound("User not found");
            }
            Object lat = me.get("lat");
            Object lng = me.get("lng");
            List<Map<String, Object>> users = Rows.query(c, "SELECT id, \"displayName\", round(d::numeric, 3) AS \"distanceKm\""
                    + " FROM (SELECT users.id, users.display_name AS \"displayName\", " + Rows.distanceKm("users") + " AS d"
                    + " FROM users WHERE users.id <> ?) near WHERE d <= ? ORDER BY d LIMIT ?",
                    lat, lat, lng, principal.userId(), radiusKm, limit);
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("users", users);
            reply.put("count", users.size());
            reply.put("radiusKm", radiusKm);
            return Reply.ok(reply);
        }
    }
}
