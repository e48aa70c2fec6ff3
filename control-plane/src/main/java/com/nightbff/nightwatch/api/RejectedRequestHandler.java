package com.nightbff.nightwatch.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.stereotype.Component;

/**
 * Answers a request Spring Security's firewall refused (e.g. a double slash in the path). The firewall
 * runs before any filter chain, so neither the API's JSON errors nor the chains' security headers apply:
 * Spring's default would send Boot's error JSON without a {@code message} and without those headers.
 * The headers come from the same writers the chains use; nothing here is rendered, so the strict JSON
 * policy suits console paths too, which get a plain 400.
 */
@Component
class RejectedRequestHandler implements RequestRejectedHandler {

    private static final List<HeaderWriter> HEADERS = List.of(new ContentSecurityPolicyHeaderWriter(ApiSecurityConfig.JSON_CSP),
            new XContentTypeOptionsHeaderWriter(), new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
            new CacheControlHeadersWriter());

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) throws IOException {
        HEADERS.forEach(writer -> writer.writeHeaders(request, response));
        // Not the firewall's own reason: for headers and methods it quotes what the client sent.
        String message = "the request path was rejected: it must be normalised (no '//', '.' or '..' segments) "
                + "and free of disallowed characters";
        if (isApi(request)) {
            ApiError.write(response, HttpStatus.BAD_REQUEST, "bad_request", message + "; see docs/api.md");
            return;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("Bad request: " + message + "\n");
    }

    /** The raw URI, since the rejected request was never normalised (and may not survive being so). */
    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }
}
