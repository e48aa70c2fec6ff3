package com.nightbff.nightwatch.sandbox.fleet;

import com.nightbff.nightwatch.sandbox.auth.BearerAuth;
import com.nightbff.nightwatch.sandbox.cache.RecommendationCache;
import com.nightbff.nightwatch.sandbox.db.DatabaseTarget;
import com.nightbff.nightwatch.sandbox.geocoder.GeocoderClient;
import java.nio.file.Path;

/** What all services of one sandbox share. */
public record Shared(String host, Path envDir, DatabaseTarget database, boolean postgis, BearerAuth auth,
                     GeocoderClient geocoder, RecommendationCache cache, int httpThreads) {
}
