package com.nightbff.nightwatch.api;

import com.nightbff.nightwatch.system.AuditLog;
import com.nightbff.nightwatch.system.FailureThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer nwt_…} for this request only (nothing is stored in a
 * session). Any presented credential that is not a usable token (another scheme included) is answered
 * here with 401, audited without its value and counted by the {@link FailureThrottle}; a request
 * with no Authorization header at all goes on anonymously and the entry point answers it, unaudited,
 * since it tries no credential and auditing it would let anyone fill the audit log.
 *
 * <p>Not a Spring bean on purpose: a Filter bean would also be registered for every servlet request.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private static final String KEY_PREFIX = "api:";

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final FailureThrottle throttle;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens, AuditLog audit, FailureThrottle throttle) {
        this.tokens = tokens;
        this.audit = audit;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            // No credential at all is no authentication attempt: the entry point answers 401 unaudited.
            chain.doFilter(request, response);
            return;
        }
        String client = KEY_PREFIX + request.getRemoteAddr();
        Optional<FailureThrottle.Refusal> refusal = throttle.refusal(client);
        if (refusal.isPresent()) {
            // Refused before the token is even looked up: a guesser learns nothing more.
            if (refusal.get().first()) {
                audit.record("anonymous", "api.auth", target(request), "throttled", "too many failures from " + request.getRemoteAddr());
            }
            long seconds = refusal.get().retryAfterSeconds();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ApiError.write(response, HttpStatus.TOO_MANY_REQUESTS, "throttled",
                    "too many failed token checks from this address; retry in " + seconds + " s");
            return;
        }
        ApiTokens.Check check;
        try {
            check = header.toLowerCase(Locale.ROOT).startsWith(BEARER) ? tokens.check(header.substring(BEARER.length()).strip())
                    : new ApiTokens.Check(null, ApiTokens.Refusal.NOT_BEARER, null);
        } catch (DataAccessException e) {
            // Outside the controllers, so ApiExceptionHandler cannot answer: keep the API's JSON 503.
            ApiError.write(response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "the store is unavailable");
            return;
        }
        if (check.caller() == null) {
            String known = check.token() == null ? "" : " (token " + check.token().name() + " id=" + check.token().id() + ")";
            audit.record("anonymous", "api.auth", target(request), "denied",
                    check.refusal().name().toLowerCase(Locale.ROOT) + known + " from " + request.getRemoteAddr());
            throttle.failed(client);
            ApiError.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", message(check.refusal()));
            return;
        }
        ApiCaller caller = check.caller();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(caller, null,
                AuthorityUtils.createAuthorityList("ROLE_" + caller.role()));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    static String target(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }

    // One message for unknown and malformed, so a caller learns nothing about which values exist.
    private static String message(ApiTokens.Refusal refusal) {
        return switch (refusal) {
            case MALFORMED, UNKNOWN -> "the bearer token is not valid";
            case NOT_BEARER -> "send an API token as 'Authorization: Bearer nwt_…'";
            case REVOKED -> "the bearer token was revoked";
            case EXPIRED -> "the bearer token has expired";
        };
    }
}
