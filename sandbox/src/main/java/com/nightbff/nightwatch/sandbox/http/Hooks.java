package com.nightbff.nightwatch.sandbox.http;

/** What the dispatcher calls around each request; implemented by the service (faults, metrics). */
public interface Hooks {

    /** Runs before an API route's handler; may sleep (latency fault) or throw an {@link ApiError}. */
    void beforeApi(String route);

    void completed(String method, String route, int status, long nanos);

    Hooks NONE = new Hooks() {
        @Override
        public void beforeApi(String route) {
        }

        @Override
        public void completed(String method, String route, int status, long nanos) {
        }
    };
}
