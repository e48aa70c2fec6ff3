package com.nightbff.nightwatch.sandbox.journeys;

import com.nightbff.nightwatch.sandbox.auth.Jwt;
import com.nightbff.nightwatch.sandbox.auth.Passwords;
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
import tools.jackson.databind.JsonNode;

/** auth (3010): login issuing an HS256 JWT, and the current user. */
final class AuthJourney implements Journey {

    private final JourneyContext ctx;

    AuthJourney(JourneyContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.api("POST", "/api/auth/login", this::login), Route.api("GET", "/api/auth/me", this::me));
    }

    private Reply login(Request request) throws Exception {
        JsonNode body = request.json();
        String email = body.path("email").asString("");
        String password = body.path("password").asString("");
        if (email.isBlank() || password.isEmpty()) {
            throw ApiError.badRequest("email and password are required");
        }
        Map<String, Object> user;
        try (Connection c = ctx.pool().acquire()) {
            user = Rows.one(c, "SELECT id, email, display_name, password_hash FROM users WHERE email = ?", email.strip());
        }
        if (user == null || !Passwords.matches(password, (String) user.get("password_hash"))) {
            throw ApiError.unauthorized("Invalid credentials");
        }
        long id = ((Number) user.get("id")).longValue();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("accessToken", ctx.auth().jwt().issue(id, (String) user.get("email")));
        reply.put("tokenType", "Bearer");
        reply.put("expiresIn", Jwt.TTL_SECONDS);
        reply.put("user", Map.of("id", id, "email", user.get("email"), "displayName", user.get("display_name")));
        return Reply.ok(reply);
    }

    private Reply me(Request request) throws Exception {
        Principal principal = ctx.auth().require(request);
        try (Connection c = ctx.pool().acquire()) {
            Map<String, Object> user = Rows.one(c, "SELECT id, email, display_name AS \"displayName\", lat, lng,"
                    + " created_at AS \"createdAt\" FROM users WHERE id = ?", principal.userId());
            if (user == null) {
                throw ApiError.unauthorized("Unauthorized");
            }
            return Reply.ok(user);
        }
    }
}
