package com.nightbff.nightwatch.sandbox.journeys;

import com.nightbff.nightwatch.sandbox.http.Route;
import java.util.List;
import java.util.Map;

/** One service's API. */
public interface Journey {

    List<Route> routes();

    /** Adds service-specific facts to /health (cache state, search strategy). */
    default void describe(Map<String, Object> health) {
    }
}
