package com.nightbff.nightwatch.system;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Tells a failed sign-in apart from one that could not be checked: when the users cannot be read
 * (the store is down), "wrong password" would send the SRE hunting for a typo, so the form says the
 * database is unreachable instead. Spring's own log line for that case names neither user nor client,
 * and the audit log cannot be written without the store, so this WARN is the only trace of who tried.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LoginFailureHandler.class);

    private final AuthenticationFailureHandler wrongCredentials = new SimpleUrlAuthenticationFailureHandler("/login?error");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (!storeUnavailable(exception)) {
            wrongCredentials.onAuthenticationFailure(request, response, exception);
            return;
        }
        // Never the password; the username is the client's input, so line breaks are stripped against forged log lines.
        LOG.warn("sign-in unavailable for user '{}' from {}: the user store could not be read ({})",
                printable(request.getParameter("username")), request.getRemoteAddr(), rootMessage(exception));
        response.sendRedirect(request.getContextPath() + "/login?unavailable");
    }

    /**
     * Spring wraps any failure of the user lookup itself (not of the credentials) in an
     * InternalAuthenticationServiceException; a database error anywhere in the causes means the same.
     */
    static boolean storeUnavailable(AuthenticationException exception) {
        if (exception instanceof InternalAuthenticationServiceException) {
            return true;
        }
        for (Throwable t = exception.getCause(); t != null; t = t.getCause()) {
            if (t instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String value) {
        return value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
