package com.nightbff.nightwatch.api;

import org.springframework.http.HttpStatus;

/** Thrown by API controllers to answer with an {@link ApiError}. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
