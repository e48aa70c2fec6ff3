package com.nightbff.nightwatch.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt from an address that failed too often lately, before the password is
 * even checked (so a guesser learns nothing more), and sends the browser back to the form, which
 * says why. Failures are counted by {@link AuthenticationAudit}. Only the first refusal of a block is
 * audited, so a refused client cannot fill the audit log by retrying. Not a bean: as one it would also be
 * registered for every servlet request.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    static final String KEY_PREFIX = "console:";

    private final FailureThrottle throttle;
    private final AuditLog audit;

    LoginThrottleFilter(FailureThrottle throttle, AuditLog audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<FailureThrottle.Refusal> refusal = throttle.refusal(KEY_PREFIX + request.getRemoteAddr());
        if (refusal.isPresent()) {
            if (refusal.get().first()) {
                audit.record(String.valueOf(request.getParameter("username")), "login", "console", "throttled",
                        "too many failures from " + request.getRemoteAddr());
            }
            response.setHeader("Retry-After", Long.toString(refusal.get().retryAfterSeconds()));
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }
}
