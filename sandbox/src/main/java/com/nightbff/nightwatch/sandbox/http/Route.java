package com.nightbff.nightwatch.sandbox.http;

/**
 * A method and exact path. {@code faultable} is false for the sandbox's own endpoints (health, metrics,
 * admin), so an injected fault can never lock the operator out of removing it.
 */
public record Route(String method, String path, boolean faultable, Handler handler) {

    public static Route api(String method, String path, Handler handler) {
        return new Route(method, path, true, handler);
    }

    public static Route admin(String method, String path, Handler handler) {
        return new Route(method, path, false, handler);
    }
}
