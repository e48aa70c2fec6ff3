package com.nightbff.nightwatch.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one error shape of the API: a stable {@code error} code scripts may match on, and a message
 * for people. Codes: {@code unauthorized}, {@code forbidden}, {@code not_found}, {@code bad_request},
 * {@code conflict}, {@code throttled}, {@code unavailable}.
 */
record ApiError(String error, String message) {

    private static final JsonMapper JSON = JsonMapper.shared();

    /** Writes the error from a security filter, where no message converter is at hand. */
    static void write(HttpServletResponse response, HttpStatus status, String code, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"nightwatch\"");
        }
        response.getWriter().write(JSON.writeValueAsString(new ApiError(code, message)));
    }
}
