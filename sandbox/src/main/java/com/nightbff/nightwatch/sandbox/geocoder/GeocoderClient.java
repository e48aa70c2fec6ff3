package com.nightbff.nightwatch.sandbox.geocoder;

import com.nightbff.nightwatch.sandbox.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The plan service's side: any failure of the dependency (slow, 5xx, ZERO_RESULTS) becomes "not resolved",
 * which is exactly how NightBFF's plan creation degraded to 73 % without an obvious dependency error.
 */
public final class GeocoderClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public GeocoderClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Optional<City> resolve(String address) {
        URI uri = URI.create(baseUrl + GeocoderStub.PATH + "?address=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode body = Json.MAPPER.readTree(response.body());
            if (!"OK".equals(body.path("status").asString())) {
                return Optional.empty();
            }
            JsonNode first = body.path("results").path(0);
            JsonNode location = first.path("geometry").path("location");
            String name = first.path("address_components").path(0).path("long_name").asString(address);
            return Optional.of(new City(name, location.path("lat").asDouble(), location.path("lng").asDouble(),
                    first.path("formatted_address").asString(name)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
