package com.nightbff.nightwatch.sandbox.auth;

import com.nightbff.nightwatch.sandbox.http.ApiError;
import com.nightbff.nightwatch.sandbox.http.Request;

/** The guard every protected route calls first. */
public final class BearerAuth {

    private final Jwt jwt;

    public BearerAuth(Jwt jwt) {
        this.jwt = jwt;
    }

    public Jwt jwt() {
        return jwt;
    }

    public Principal require(Request request) {
        String header = request.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthorized("Unauthorized");
        }
        return jwt.verify(header.substring(7).strip()).orElseThrow(() -> ApiError.unauthorized("Unauthorized"));
    }
}
