package com.nightbff.nightwatch.system;

import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logins, failed logins and logouts go to the audit log (never the password that was tried). Failures
 * also count against the client address in the {@link FailureThrottle}, except those where the store could
 * not be read; successes do not clear them (see there why).
 */
@Component
class AuthenticationAudit {

    private final AuditLog audit;
    private final FailureThrottle throttle;

    AuthenticationAudit(AuditLog audit, FailureThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), "login", "console", "ok", null);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String from = address(event.getAuthentication()).orElse("?");
        // The credentials were never checked when the users could not be read: not a guess, so never counted, or an
        // outage of the store would lock every SRE out for the failure window after it ends. (Spring 7 publishes no
        // event for an InternalAuthenticationServiceException today; this holds should it, or a provider, start to.)
        boolean unchecked = LoginFailureHandler.storeUnavailable(event.getException());
        audit.record(String.valueOf(event.getAuthentication().getName()), "login", "console", unchecked ? "error" : "denied",
                event.getException().getClass().getSimpleName() + " from " + from);
        if (!unchecked) {
            address(event.getAuthentication()).ifPresent(a -> throttle.failed(LoginThrottleFilter.KEY_PREFIX + a));
        }
    }

    /** The client address of a form sign-in (API tokens do not come through here). */
    private static Optional<String> address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web
                ? Optional.ofNullable(web.getRemoteAddress()) : Optional.empty();
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        audit.record(event.getAuthentication().getName(), "logout", "console", "ok", null);
    }
}
