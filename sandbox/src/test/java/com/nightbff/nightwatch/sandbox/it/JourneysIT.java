package com.nightbff.nightwatch.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every journey Nightwatch probes, against real PostgreSQL and Redis. */
class JourneysIT extends SharedSandbox {

    @Test
    void loginIssuesAJwtAndRejectsBadCredentials() {
        assertThat(token.split("\\.")).hasSize(3);
        Http.Res bad = Http.send(sandbox.port("auth"), "POST", "/api/auth/login", null,
                "{\"email\":\"probe@nightbff.test\",\"password\":\"wrong\"}");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().path("statusCode").asInt()).isEqualTo(401);
        Http.Res bulk = Http.send(sandbox.port("auth"), "POST", "/api/auth/login", null,
                "{\"email\":\"user42@nightbff.test\",\"password\":\"nightbff-user\"}");
        assertThat(bulk.status()).isEqualTo(200);
    }

    @Test
    void meNeedsAValidToken() {
        Http.Res me = Http.get(sandbox.port("auth"), "/api/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asString()).isEqualTo("probe@nightbff.test");
        assertThat(Http.get(sandbox.port("auth"), "/api/auth/me", null).status()).isEqualTo(401);
        assertThat(Http.get(sandbox.port("auth"), "/api/auth/me", token + "x").status()).isEqualTo(401);
    }

    @Test
    void planResolvesTheCityThroughTheGeocoder() {
        Http.Res plan = Http.send(sandbox.port("plan"), "POST", "/api/plans", token,
                "{\"destination\":\"Test Destination City 12\",\"startsAt\":\"2030-05-01T21:00:00Z\"}");
        assertThat(plan.status()).isEqualTo(201);
        JsonNode city = plan.json().path("city");
        assertThat(city.path("name").asString()).isEqualTo("Test Destination City 12");
        assertThat(city.path("lat").isNumber()).isTrue();
        assertThat(plan.json().path("id").asLong()).isPositive();

        Http.Res unknown = Http.send(sandbox.port("plan"), "POST", "/api/plans", token, "{\"destination\":\"Atlantis\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"statusCode\":400,\"message\":\"Could not resolve destination city\"}");
    }

    @Test
    void geocoderAnswersInGooglesFormat() {
        Http.Res ok = Http.get(sandbox.sandbox().geocoderPort(), "/maps/api/geocode/json?address=Berlin", null);
        assertThat(ok.json().path("status").asString()).isEqualTo("OK");
        assertThat(ok.json().path("results").path(0).path("geometry").path("location").path("lat").asDouble()).isBetween(52.0, 53.0);
        assertThat(ok.json().path("results").path(0).path("formatted_address").asString()).isEqualTo("Berlin, Germany");
        Http.Res none = Http.get(sandbox.sandbox().geocoderPort(), "/maps/api/geocode/json?address=Nowhere", null);
        assertThat(none.json().path("status").asString()).isEqualTo("ZERO_RESULTS");
    }

    @Test
    void recommendationsAreCachedPerUser() {
        Http.Res first = Http.get(sandbox.port("interest"), "/api/interests/recommendations", token);
        Http.Res second = Http.get(sandbox.port("interest"), "/api/interests/recommendations", token);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        JsonNode recs = first.json().path("recommendations");
        assertThat(recs.size()).isPositive();
        // the probe user has interests 1..3; recommendations must exclude them
        recs.forEach(r -> assertThat(r.path("id").asInt()).isGreaterThan(3));
        assertThat(Http.get(sandbox.port("interest"), "/api/interests/recommendations", null).status()).isEqualTo(401);
    }

    @Test
    void venueSearchCarriesDistances() {
        Http.Res res = Http.get(sandbox.port("venue"), "/api/venues/search?lat=51.5074&lng=-0.1278&radiusKm=2", null);
        assertThat(res.status()).isEqualTo(200);
        JsonNode venues = res.json().path("venues");
        assertThat(venues.size()).isPositive();
        venues.forEach(v -> assertThat(v.path("distanceKm").asDouble()).isBetween(0.0, 2.0));
        if ("1".equals(System.getenv("NIGHTWATCH_REQUIRE_POSTGIS"))) {
            // CI installs PostGIS, so there the ST_DWithin path must be the one that ran.
            assertThat(sandbox.sandbox().postgis()).as("PostGIS available").isTrue();
        }
        String expected = sandbox.sandbox().postgis() ? "postgis" : "scan";
        assertThat(res.json().path("strategy").asString()).isEqualTo(expected);
        assertThat(Http.get(sandbox.port("venue"), "/api/venues/search?lat=x&lng=1", null).status()).isEqualTo(400);
        Http.Res trending = Http.get(sandbox.port("venue"), "/api/venues/trending", null);
        assertThat(trending.json().path("venues").path(0).has("distanceKm")).isTrue();
    }

    @Test
    void otherServicesServeTheirReads() {
        Http.Res nearby = Http.get(sandbox.port("user"), "/api/users/nearby?radiusKm=3", token);
        assertThat(nearby.status()).isEqualTo(200);
        assertThat(nearby.json().path("users").size()).isPositive();
        assertThat(Http.get(sandbox.port("user"), "/api/users/me", token).status()).isEqualTo(200);
        Http.Res events = Http.get(sandbox.port("event"), "/api/events/trending", token);
        assertThat(events.json().path("events").size()).isEqualTo(20);
        Http.Res chats = Http.get(sandbox.port("chat"), "/api/chats", token);
        assertThat(chats.json().path("chats").size()).isPositive();
        Http.Res notifications = Http.get(sandbox.port("notification"), "/api/notifications", token);
        assertThat(notifications.json().path("notifications").size()).isPositive();
        assertThat(notifications.json().path("unread").asInt()).isPositive();
        for (String service : new String[] {"user", "event", "chat", "notification"}) {
            assertThat(Http.get(sandbox.port(service), "/health", null).status()).isEqualTo(200);
        }
        assertThat(Http.get(sandbox.port("chat"), "/api/chats", null).status()).isEqualTo(401);
        Http.Res missing = Http.get(sandbox.port("chat"), "/api/nothing", token);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("message").asString()).isEqualTo("Cannot GET /api/nothing");
    }

    @Test
    void metricsExposeRequestHistogramsAndPoolGauges() {
        Http.get(sandbox.port("event"), "/api/events/trending", token);
        String metrics = Http.get(sandbox.port("event"), "/metrics", null).body();
        assertThat(metrics).contains("http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/events/trending\","
                + "service=\"event\",status_code=\"200\",le=\"0.005\"}");
        assertThat(metrics).contains("le=\"0.03\"", "le=\"0.25\"", "le=\"2.0\"");
        assertThat(metrics).contains("http_requests_total{method=\"GET\",route=\"/api/events/trending\",service=\"event\","
                + "status_code=\"200\"}");
        assertThat(metrics).contains("hikaricp_connections_max{pool=\"event\",service=\"event\"} 3.0");
        assertThat(metrics).contains("hikaricp_connections_active{", "hikaricp_connections_idle{");
        Http.get(sandbox.port("interest"), "/api/interests/recommendations", token);
        assertThat(Http.get(sandbox.port("interest"), "/metrics", null).body())
                .contains("interest_cache_hits_total{service=\"interest\"}", "interest_cache_misses_total{service=\"interest\"}");
    }
}
