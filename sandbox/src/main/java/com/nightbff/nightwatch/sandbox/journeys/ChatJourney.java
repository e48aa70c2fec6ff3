package com.nightbff.nightwatch.sandbox.journeys;

import com.nightbff.nightwatch.sandbox.auth.Principal;
import com.nightbff.nightwatch.sandbox.db.Rows;
import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Request;
import com.nightbff.nightwatch.sandbox.http.Route;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

/** chat (3016): the user's chats with their last message. */
final class ChatJourney implements Journey {

    private final JourneyContext ctx;

    ChatJourney(JourneyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.api("GET", "/api/chats", this::chats));
    }

    private Reply chats(Request request) throws Exception {
        Principal principal = ctx.auth().require(request);
        try (Connection c = ctx.pool().acquire()) {
            List<Map<String, Object>> chats = Rows.query(c, "SELECT c.id, c.title,"
                    + " (SELECT count(*) FROM chat_members m2 WHERE m2.chat_id = c.id) AS \"memberCount\","
                    + " lm.body AS \"lastMessage\", lm.sent_at AS \"lastMessageAt\""
                    + " FROM chats c JOIN chat_members m ON m.chat_id = c.id AND m.user_id = ?"
                    + " LEFT JOIN LATERAL (SELECT body, sent_at FROM messages WHERE chat_id = c.id ORDER BY sent_at DESC LIMIT 1) lm"
                    + " ON true ORDER BY lm.sent_at DESC NULLS LAST LIMIT 50", principal.userId());
            return Reply.ok(Map.of("chats", chats, "count", chats.size()));
        }
    }
}
