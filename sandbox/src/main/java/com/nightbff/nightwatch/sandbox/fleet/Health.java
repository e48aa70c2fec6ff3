package com.nightbff.nightwatch.sandbox.fleet;

import com.nightbff.nightwatch.sandbox.db.ServicePool;
import com.nightbff.nightwatch.sandbox.http.Reply;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** /health in the spirit of @nestjs/terminus: 200 with details when up, 503 when the database is not. */
final class Health {

    private Health() {
    }

    static Reply check(String service, Instant started, ServicePool pool, Consumer<Map<String, Object>> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("service", service);
        body.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
        Map<String, Object> db = new LinkedHashMap<>();
        try (Connection c = pool.acquire(); Statement st = c.createStatement()) {
            st.execute("SELECT 1");
            db.put("status", "up");
        } catch (SQLException e) {
            body.put("status", "error");
            db.put("status", "down");
            db.put("message", e.getMessage() == null ? "unknown" : e.getMessage().lines().findFirst().orElse(""));
            db.put("code", e.getSQLState());
        }
        Map<String, Object> poolView = new LinkedHashMap<>();
        poolView.put("max", pool.maxSize());
        poolView.put("active", pool.active());
        poolView.put("idle", pool.idle());
        poolView.put("total", pool.total());
        db.put("pool", poolView);
        body.put("database", db);
        extra.accept(body);
        return Reply.json("ok".equals(body.get("status")) ? 200 : 503, body);
    }
}
