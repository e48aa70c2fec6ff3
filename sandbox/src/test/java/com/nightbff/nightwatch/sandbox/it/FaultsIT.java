package com.nightbff.nightwatch.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every fault mode of the /_sandbox API, and that faults show in the metrics. */
class FaultsIT extends SharedSandbox {

    @AfterEach
    void reset() {
        Http.send(sandbox.port("venue"), "DELETE", "/_sandbox/faults", null, null);
        Http.send(sandbox.sandbox().geocoderPort(), "DELETE", "/_sandbox/faults", null, null);
        Http.send(sandbox.port("interest"), "PUT", "/_sandbox/cache", null, "{\"mode\":\"ok\"}");
        Http.send(sandbox.sandbox().controlPort(), "PUT", "/_sandbox/listen", null, "{\"open\":true}");
    }

    @Test
    void routeFaultAddsLatencyAndErrorsVisibleInMetrics() {
        int venue = sandbox.port("venue");
        Http.Res put = Http.send(venue, "PUT", "/_sandbox/faults", null,
                "{\"route\":\"/api/venues/search\",\"latencyMs\":300,\"errorRate\":1.0}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(Http.get(venue, "/_sandbox/faults", null).json().path("faults").path(0).path("latencyMs").asInt()).isEqualTo(300);

        long t0 = System.nanoTime();
        Http.Res failed = Http.get(venue, "/api/venues/search?lat=51.5&lng=-0.12", null);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().path("statusCode").asInt()).isEqualTo(500);
        assertThat(failed.json().has("error")).isTrue();
        assertThat(Http.get(venue, "/api/venues/trending", null).status()).isEqualTo(200);

        String metrics = Http.get(venue, "/metrics", null).body();
        assertThat(metrics).contains("http_requests_total{method=\"GET\",route=\"/api/venues/search\",service=\"venue\","
                + "status_code=\"500\"} 1.0");
        assertThat(count(metrics, "http_request_duration_seconds_bucket\\{method=\"GET\",route=\"/api/venues/search\","
                + "service=\"venue\",status_code=\"500\",le=\"0.25\"}")).isZero();

        assertThat(Http.send(venue, "DELETE", "/_sandbox/faults", null, null).json().path("faults").size()).isZero();
        assertThat(Http.get(venue, "/api/venues/search?lat=51.5&lng=-0.12", null).status()).isEqualTo(200);
    }

    @Test
    void faultWithoutRouteHitsAllRoutesButNotTheAdminApi() {
        int venue = sandbox.port("venue");
        Http.send(venue, "PUT", "/_sandbox/faults", null, "{\"errorRate\":1}");
        assertThat(Http.get(venue, "/api/venues/trending", null).status()).isEqualTo(500);
        assertThat(Http.get(venue, "/health", null).status()).isEqualTo(200);
        assertThat(Http.get(venue, "/_sandbox/faults", null).json().path("faults").path(0).path("route").isNull()).isTrue();
        assertThat(Http.send(venue, "PUT", "/_sandbox/faults", null, "{\"errorRate\":2}").status()).isEqualTo(400);
    }

    @Test
    void geocoderFaultFailsCityResolution() {
        int geocoder = sandbox.sandbox().geocoderPort();
        Http.send(geocoder, "PUT", "/_sandbox/faults", null, "{\"errorRate\":1}");
        Http.Res plan = Http.send(sandbox.port("plan"), "POST", "/api/plans", token, "{\"destination\":\"London\"}");
        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.json().path("message").asString()).isEqualTo("Could not resolve destination city");
        assertThat(Http.get(geocoder, "/metrics", null).body()).contains("status_code=\"500\"");
        Http.send(geocoder, "DELETE", "/_sandbox/faults", null, null);
        assertThat(Http.send(sandbox.port("plan"), "POST", "/api/plans", token, "{\"destination\":\"London\"}").status())
                .isEqualTo(201);
    }

    @Test
    void cacheModes() {
        int interest = sandbox.port("interest");
        String path = "/api/interests/recommendations";
        Http.get(interest, path, token);
        assertThat(Http.get(interest, path, token).header("X-Cache")).isEqualTo("HIT");

        assertThat(Http.send(interest, "PUT", "/_sandbox/cache", null, "{\"mode\":\"bypass\"}").json().path("mode").asString())
                .isEqualTo("bypass");
        assertThat(Http.get(interest, path, token).header("X-Cache")).isEqualTo("MISS");
        assertThat(Http.get(interest, "/health", null).json().path("cache").path("status").asString()).isEqualTo("bypassed");

        RedisClient client = RedisClient.create("redis://127.0.0.1:6379/5");
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            redis.sync().del(sandbox.redisPrefix() + "interest:recommendations:1");
            Http.send(interest, "PUT", "/_sandbox/cache", null, "{\"mode\":\"wrapped\"}");
            long missesBefore = keyspaceMisses(redis.sync().info("stats"));
            for (int i = 0; i < 5; i++) {
                assertThat(Http.get(interest, path, token).header("X-Cache")).isEqualTo("MISS");
            }
            assertThat(redis.sync().ping()).isEqualTo("PONG");
            assertThat(keyspaceMisses(redis.sync().info("stats"))).isGreaterThanOrEqualTo(missesBefore + 5);
            assertThat(redis.sync().get("keyv:" + sandbox.redisPrefix() + "interest:recommendations:1")).contains("\"value\":");
            redis.sync().del("keyv:" + sandbox.redisPrefix() + "interest:recommendations:1");
        } finally {
            client.shutdown();
        }
        String metrics = Http.get(interest, "/metrics", null).body();
        assertThat(metrics).containsPattern("interest_cache_misses_total\\{service=\"interest\"} [1-9]");
        assertThat(Http.send(interest, "PUT", "/_sandbox/cache", null, "{\"mode\":\"broken\"}").status()).isEqualTo(400);
    }

    @Test
    void closedPortRefusesConnectionsUntilReopenedOnTheControlPort() {
        int chat = sandbox.port("chat");
        assertThat(Http.send(chat, "PUT", "/_sandbox/listen", null, "{\"open\":false}").status()).isEqualTo(200);
        assertThatThrownBy(() -> Http.get(chat, "/health", null)).isInstanceOf(UncheckedIOException.class);
        assertThat(Http.get(sandbox.port("auth"), "/health", null).status()).isEqualTo(200);
        var status = Http.get(sandbox.sandbox().controlPort(), "/_sandbox/status", null).json();
        assertThat(status.path("services").path(6).path("name").asString()).isEqualTo("chat");
        assertThat(status.path("services").path(6).path("open").asBoolean()).isFalse();
        assertThat(status.path("services").path(6).path("poolMax").asInt()).isEqualTo(3);

        Http.Res reopened = Http.send(sandbox.sandbox().controlPort(), "PUT", "/_sandbox/listen", null,
                "{\"open\":true,\"service\":\"chat\"}");
        assertThat(reopened.json().path("services").path(0).asString()).isEqualTo("chat");
        assertThat(Http.get(chat, "/api/chats", token).status()).isEqualTo(200);

        // The client now holds an idle kept-alive connection to auth; closed from the control port, auth must not
        // serve a request sent on it either.
        assertThat(Http.get(sandbox.port("auth"), "/health", null).status()).isEqualTo(200);
        Http.send(sandbox.sandbox().controlPort(), "PUT", "/_sandbox/listen", null, "{\"open\":false,\"service\":\"auth\"}");
        assertThatThrownBy(() -> Http.get(sandbox.port("auth"), "/health", null)).isInstanceOf(UncheckedIOException.class);
        Http.send(sandbox.sandbox().controlPort(), "PUT", "/_sandbox/listen", null, "{\"open\":true}");
        assertThat(Http.get(sandbox.port("auth"), "/health", null).status()).isEqualTo(200);
    }

    @Test
    void theCloseReplyArrivesOnlyOnceThePortRefusesConnections() {
        int chat = sandbox.port("chat");
        int control = sandbox.sandbox().controlPort();
        // The client keeps this connection alive; the close must not leave it usable either.
        assertThat(Http.get(chat, "/health", null).status()).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            Http.Res closed = Http.send(chat, "PUT", "/_sandbox/listen", null, "{\"open\":false}");
            assertThat(closed.status()).isEqualTo(200);
            assertThat(closed.json().path("open").asBoolean(true)).isFalse();
            assertThat(Http.refusesConnections(chat)).isTrue();
            assertThatThrownBy(() -> Http.get(chat, "/health", null)).isInstanceOf(UncheckedIOException.class);
            assertThat(Http.send(control, "PUT", "/_sandbox/listen", null, "{\"open\":true,\"service\":\"chat\"}").status())
                    .isEqualTo(200);
            assertThat(Http.get(chat, "/health", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aReopenRightAfterACloseLeavesThePortOpen() throws Exception {
        int chat = sandbox.port("chat");
        int control = sandbox.sandbox().controlPort();
        for (int i = 0; i < 20; i++) {
            assertThat(Http.send(chat, "PUT", "/_sandbox/listen", null, "{\"open\":false}").status()).isEqualTo(200);
            assertThat(Http.send(control, "PUT", "/_sandbox/listen", null, "{\"open\":true,\"service\":\"chat\"}").status())
                    .isEqualTo(200);
            assertThat(chatOpen()).isTrue();
        }
        // A close deferred past its reply (it once waited 100 ms) would strike only now.
        Thread.sleep(300);
        assertThat(chatOpen()).isTrue();
        assertThat(Http.refusesConnections(chat)).isFalse();
        assertThat(Http.get(chat, "/api/chats", token).status()).isEqualTo(200);
    }

    private static boolean chatOpen() {
        var services = Http.get(sandbox.sandbox().controlPort(), "/_sandbox/status", null).json().path("services");
        for (var service : services) {
            if (service.path("name").asString().equals("chat")) {
                return service.path("open").asBoolean();
            }
        }
        throw new AssertionError("chat missing from /_sandbox/status: " + services);
    }

    private static long keyspaceMisses(String info) {
        Matcher m = Pattern.compile("keyspace_misses:(\\d+)").matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex + " (\\d+)").matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
