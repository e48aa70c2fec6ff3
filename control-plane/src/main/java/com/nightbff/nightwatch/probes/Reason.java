package com.nightbff.nightwatch.probes;

/**
 * Why a step failed. The codes are stable: alerts, dashboards and the console match on them.
 * The first nine are the contract of the probes issue; {@code target_not_allowed} (the connect-time
 * SSRF guard fired) and {@code io_error} (the connection broke in another way) complete the set.
 */
public enum Reason {
    TIMEOUT, CONNECT_REFUSED, DNS, TLS, STATUS, ASSERTION, BODY_TOO_LARGE, REDIRECT_BLOCKED, SECRET_MISSING,
    TARGET_NOT_ALLOWED, IO_ERROR;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Reason fromCode(String code) {
        return code == null ? null : valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
