package com.nightbff.nightwatch.sandbox.journeys;

import com.nightbff.nightwatch.sandbox.auth.Principal;
import com.nightbff.nightwatch.sandbox.db.Rows;
import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Request;
import com.nightbff.nightwatch.sandbox.http.Route;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/** notification (3017): the user's latest notifications and unread count. */
final class NotificationJourney implements Journey {

    private final JourneyContext ctx;

    NotificationJourney(JourneyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.api("GET", "/api/notifications", this::list));
    }

    private Reply list(Request request) throws Exception {
        Principal principal = ctx.auth().require(request);
        int limit = (int) Math.min(100, Math.max(1, request.queryDouble("limit", 20)));
        try (Connection c = ctx.pool().acquire()) {
            List<Map<String, Object>> items = Rows.query(c, "SELECT id, kind, body, read, created_at AS \"createdAt\""
                    + " FROM notifications WHERE user_id = ? ORDER BY created_at DESC LIMIT ?", principal.userId(), limit);
            Map<String, Object> unread = Rows.one(c, "SELECT count(*) AS n FROM notifications WHERE user_id = ? AND NOT read",
                    principal.userId());
            return Reply.ok(Map.of("notifications", items, "unread", unread.get("n")));
        }
    }
}
