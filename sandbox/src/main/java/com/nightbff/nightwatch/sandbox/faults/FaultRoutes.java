package com.nightbff.nightwatch.sandbox.faults;

import com.nightbff.nightwatch.sandbox.http.ApiError;
import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code PUT|GET|DELETE /_sandbox/faults}, the same contract on every service and on the geocoder. */
public final class FaultRoutes {

    public static final String PATH = "/_sandbox/faults";

    private FaultRoutes() {
    }

    public static List<Route> routes(String service, FaultTable table) {
        return List.of(
                Route.admin("PUT", PATH, request -> {
                    JsonNode body = request.json();
                    JsonNode route = body.get("route");
                    try {
                        table.put(new Fault(route == null || route.isNull() ? null : route.asString(),
                                body.path("latencyMs").asLong(0), body.path("errorRate").asDouble(0)));
                    } catch (IllegalArgumentException e) {
                        throw ApiError.badRequest(e.getMessage());
                    }
                    return Reply.ok(view(service, table));
                }),
                Route.admin("GET", PATH, request -> Reply.ok(view(service, table))),
                Route.admin("DELETE", PATH, request -> {
                    table.clear();
                    return Reply.ok(view(service, table));
                }));
    }

    static Map<String, Object> view(String service, FaultTable table) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service", service);
        view.put("faults", table.active().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("route", f.route());
            m.put("latencyMs", f.latencyMs());
            m.put("errorRate", f.errorRate());
            return m;
        }).toList());
        return view;
    }
}
