package com.nightbff.nightwatch.system;

import java.util.Set;

/** The console's roles; each includes the ones below it (ADMIN > OPERATOR > VIEWER). */
public final class Roles {

    /** Sees every page and signal. */
    public static final String VIEWER = "VIEWER";
    /** Also acts: runs probes, rolls back, applies pool plans. */
    public static final String OPERATOR = "OPERATOR";
    /** Also manages users and API tokens. */
    public static final String ADMIN = "ADMIN";

    public static final Set<String> ALL = Set.of(VIEWER, OPERATOR, ADMIN);

    private Roles() {
    }
}
