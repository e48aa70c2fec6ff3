package com.nightbff.nightwatch.system;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Audits the console's 403s, as the API audits its own: a signed-in user reaching for more than their
 * role allows, or a form posted without its CSRF token (a forged cross-site request riding on a
 * session looks like this). Then answers as before, with the error page. CSRF refusals of anonymous
 * requests (a stale login form) are not audited: they ride on no account, and auditing them would let
 * anyone fill the audit log. Not a bean, like the filters next to it.
 */
final class ConsoleAccessDeniedHandler implements AccessDeniedHandler {

    static final String ACTION = "console.forbidden";

    private final AuditLog audit;
    private final AccessDeniedHandler errorPage = new AccessDeniedHandlerImpl();
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ConsoleAccessDeniedHandler(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication authentication = contexts.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        if (signedIn) {
            audit.record(authentication.getName(), ACTION, request.getRequestURI(), denied instanceof CsrfException ? "csrf" : "forbidden",
                    request.getMethod() + " from " + request.getRemoteAddr());
        }
        errorPage.handle(request, response, denied);
    }
}
