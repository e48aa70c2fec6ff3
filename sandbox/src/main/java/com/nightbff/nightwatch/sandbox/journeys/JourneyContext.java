package com.nightbff.nightwatch.sandbox.journeys;

import com.nightbff.nightwatch.sandbox.auth.BearerAuth;
import com.nightbff.nightwatch.sandbox.cache.RecommendationCache;
import com.nightbff.nightwatch.sandbox.config.ServiceSettings;
import com.nightbff.nightwatch.sandbox.db.ServicePool;
import com.nightbff.nightwatch.sandbox.geocoder.GeocoderClient;
import com.nightbff.nightwatch.sandbox.metrics.ServiceMetrics;
import java.util.function.Supplier;

/** What a journey may use; the cache and geocoder are only set for the services that have them. */
public record JourneyContext(String service, ServicePool pool, BearerAuth auth, Supplier<ServiceSettings> settings,
                             boolean postgis, GeocoderClient geocoder, RecommendationCache cache, ServiceMetrics metrics) {
}
