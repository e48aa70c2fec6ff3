package com.nightbff.nightwatch.system;

import java.util.Collection;
import java.util.List;
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
    /** Lowest first, so a role's index is its rank. */
    private static final List<String> BY_RANK = List.of(VIEWER, OPERATOR, ADMIN);

    /** Whether someone holding {@code held} (bare names or {@code ROLE_} authorities) has {@code role}, nesting included. */
    public static boolean covers(Collection<String> held, String role) {
        int needed = BY_RANK.indexOf(role);
        return needed >= 0 && held.stream().map(r -> r.startsWith("ROLE_") ? r.substring(5) : r).mapToInt(BY_RANK::indexOf)
                .anyMatch(rank -> rank >= needed);
    }

    private Roles() {
    }
}
