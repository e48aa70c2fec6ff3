package com.nightbff.nightwatch.sandbox.journeys;

import com.nightbff.nightwatch.sandbox.auth.Principal;
import com.nightbff.nightwatch.sandbox.cache.CacheMode;
import com.nightbff.nightwatch.sandbox.cache.RecommendationCache;
import com.nightbff.nightwatch.sandbox.db.Rows;
import com.nightbff.nightwatch.sandbox.http.ApiError;
import com.nightbff.nightwatch.sandbox.http.Json;
import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Request;
import com.nightbff.nightwatch.sandbox.http.Route;
import io.prometheus.metrics.core.metrics.Counter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** interest (3014): recommendations cached per user in Redis, plus the cache-mode switch. */
final class InterestJourney implements Journey {

    static final Duration TTL = Duration.ofMinutes(5);

    private final JourneyContext ctx;
    private final RecommendationCache cache;
    private final Counter hits;
    private final Counter misses;

    InterestJourney(JourneyContext ctx) {
        this.ctx = ctx;
        this.cache = ctx.cache();
        this.hits = ctx.metrics().counter("interest_cache_hits_total", "Recommendation lookups answered from Redis");
        this.misses = ctx.metrics().counter("interest_cache_misses_total", "Recommendation lookups that went to PostgreSQL");
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.api("GET", "/api/interests/recommendations", this::recommendations),
                Route.admin("PUT", "/_sandbox/cache", this::setMode),
                Route.admin("GET", "/_sandbox/cache", request -> Reply.ok(cacheView())));
    }

    private Reply recommendations(Request request) throws Exception {
        Principal principal = ctx.auth().require(request);
        String key = "interest:recommendations:" + principal.userId();
        boolean useCache = cache.active();
        if (useCache) {
            RecommendationCache.Lookup lookup = cache.get(key);
            if (lookup.hit()) {
                hits.labelValues(ctx.service()).inc();
                return Reply.text(200, "application/json; charset=utf-8", lookup.value()).header("X-Cache", "HIT");
            }
        }
        misses.labelValues(ctx.service()).inc();
        Map<String, Object> reply = new LinkedHashMap<>();
        try (Connection c = ctx.pool().acquire()) {
            reply.put("userId", principal.userId());
            reply.put("recommendations", Rows.query(c, "SELECT i.id, i.name, i.category, count(ui.user_id) AS popularity"
                    + " FROM interests i LEFT JOIN user_interests ui ON ui.interest_id = i.id"
                    + " WHERE i.id NOT IN (SELECT interest_id FROM user_interests WHERE user_id = ?)"
                    + " GROUP BY i.id ORDER BY popularity DESC, i.id LIMIT 10", principal.userId()));
        }
        String json = new String(Json.write(reply), StandardCharsets.UTF_8);
        if (useCache) {
            cache.put(key, json, TTL);
        }
        return Reply.text(200, "application/json; charset=utf-8", json).header("X-Cache", "MISS");
    }

    private Reply setMode(Request request) {
        String mode = request.json().path("mode").asString("");
        try {
            cache.mode(CacheMode.parse(mode));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("mode must be one of ok, bypass, wrapped");
        }
        return Reply.ok(cacheView());
    }

    private Map<String, Object> cacheView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service", ctx.service());
        view.put("mode", cache.mode().label());
        String reason = cache.unavailableReason();
        view.put("status", reason == null ? "connected" : "uncached");
        if (reason != null) {
            view.put("reason", reason);
        }
        return view;
    }

    @Override
    public void describe(Map<String, Object> health) {
        Map<String, Object> view = cacheView();
        view.remove("service");
        if (cache.mode() == CacheMode.BYPASS && cache.unavailableReason() == null) {
            view.put("status", "bypassed");
        }
        health.put("cache", view);
    }
}
