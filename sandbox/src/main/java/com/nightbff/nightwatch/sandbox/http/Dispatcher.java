package com.nightbff.nightwatch.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a request, applies the hooks and turns every failure into the JSON a NestJS service would send:
 * database errors keep their SQLSTATE in {@code code}, so a load driver can count {@code 53300} apart.
 */
public final class Dispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final String UNMATCHED = "unmatched";

    private final String service;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private volatile Hooks hooks = Hooks.NONE;

    public Dispatcher(String service) {
        this.service = service;
    }

    public Dispatcher add(List<Route> more) {
        for (Route route : more) {
            routes.put(route.method() + " " + route.path(), route);
        }
        return this;
    }

    public void hooks(Hooks value) {
        this.hooks = value;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String routeLabel = UNMATCHED;
        Reply reply;
        try {
            Request request = new Request(exchange);
            Route route = routes.get(request.method() + " " + request.path());
            if (route == null) {
                reply = notFound(request);
            } else {
                routeLabel = route.path();
                if (route.faultable()) {
                    hooks.beforeApi(route.path());
                }
                reply = route.handler().handle(request);
            }
        } catch (Exception e) {
            reply = toReply(e);
        }
        // Counted before the reply leaves, so a scrape sent after the client has its answer always includes it;
        // writing a few kilobytes to loopback adds nothing the buckets could resolve.
        hooks.completed(method, routeLabel, reply.status(), System.nanoTime() - start);
        send(exchange, reply);
    }

    private Reply notFound(Request request) {
        return Reply.json(404, ApiError.notFound("Cannot " + request.method() + " " + request.path()).body());
    }

    Reply toReply(Exception e) {
        if (e instanceof ApiError api) {
            return Reply.json(api.status(), api.body());
        }
        SQLException sql = findCause(e, SQLException.class);
        if (sql != null) {
            String state = sqlState(sql);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("statusCode", 500);
            body.put("message", firstLine(sql.getMessage()));
            body.put("error", "QueryFailedError");
            body.put("code", state);
            LOG.debug("{}: database error {} {}", service, state, sql.getMessage());
            return Reply.json(500, body);
        }
        if (e.getClass().getName().startsWith("io.lettuce")) {
            return Reply.json(500, ApiError.of(500, "Redis: " + firstLine(e.getMessage()), "Internal Server Error").body());
        }
        LOG.warn("{}: unhandled error", service, e);
        return Reply.json(500, ApiError.internal("Internal server error").body());
    }

    private static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            byte[] body = reply.body();
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
