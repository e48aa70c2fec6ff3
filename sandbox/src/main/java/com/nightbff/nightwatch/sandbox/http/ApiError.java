package com.nightbff.nightwatch.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered the way NestJS's exception filter answers it, so probes written against the real
 * services see the same shape: {@code {"statusCode":..,"message":..,"error":..}}.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final Map<String, Object> body;

    public ApiError(int status, Map<String, Object> body) {
        super(String.valueOf(body.get("message")));
        this.status = status;
        this.body = body;
    }

    public static ApiError of(int status, String message, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("message", message);
        if (error != null) {
            body.put("error", error);
        }
        return new ApiError(status, body);
    }

    public static ApiError badRequest(String message) {
        return of(400, message, "Bad Request");
    }

    public static ApiError unauthorized(String message) {
        return of(401, message, "Unauthorized");
    }

    public static ApiError notFound(String message) {
        return of(404, message, "Not Found");
    }

    public static ApiError internal(String message) {
        return of(500, message, "Internal Server Error");
    }

    public int status() {
        return status;
    }

    public Map<String, Object> body() {
        return body;
    }
}
