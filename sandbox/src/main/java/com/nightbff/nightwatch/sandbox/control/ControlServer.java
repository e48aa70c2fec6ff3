package com.nightbff.nightwatch.sandbox.control;

import com.nightbff.nightwatch.sandbox.fleet.SandboxService;
import com.nightbff.nightwatch.sandbox.http.ApiError;
import com.nightbff.nightwatch.sandbox.http.Dispatcher;
import com.nightbff.nightwatch.sandbox.http.Listener;
import com.nightbff.nightwatch.sandbox.http.Reply;
import com.nightbff.nightwatch.sandbox.http.Request;
import com.nightbff.nightwatch.sandbox.http.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** {@code PUT /_sandbox/listen} for any service and {@code GET /_sandbox/status}. */
public final class ControlServer implements AutoCloseable {

    private final List<SandboxService> services;
    private final Supplier<Map<String, Object>> extraStatus;
    private final Listener listener;

    public ControlServer(String host, int port, List<SandboxService> services, Supplier<Map<String, Object>> extraStatus) {
        this.services = services;
        this.extraStatus = extraStatus;
        Dispatcher dispatcher = new Dispatcher("control").add(List.of(
                Route.admin("PUT", "/_sandbox/listen", this::listen),
                Route.admin("GET", "/_sandbox/status", r -> Reply.ok(status())),
                Route.admin("GET", "/health", r -> Reply.ok(Map.of("status", "ok", "service", "control")))));
        listener = new Listener("control", host, port, dispatcher, 4);
    }

    public void open() {
        listener.open();
    }

    private Reply listen(Request request) {
        JsonNode body = request.json();
        if (!body.has("open") || !body.get("open").isBoolean()) {
            throw ApiError.badRequest("open must be a boolean");
        }
        boolean open = body.get("open").asBoolean();
        String only = body.path("service").asString(null);
        List<String> changed = new ArrayList<>();
        for (SandboxService service : services) {
            if (only == null || only.equals(service.name())) {
                service.setOpen(open);
                changed.add(service.name());
            }
        }
        if (changed.isEmpty()) {
            throw ApiError.notFound("Unknown service " + only);
        }
        return Reply.ok(Map.of("open", open, "services", changed));
    }

    public Map<String, Object> status() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("services", services.stream().map(SandboxService::status).toList());
        view.putAll(extraStatus.get());
        return view;
    }

    @Override
    public void close() {
        listener.shutdown();
    }
}
