package com.nightbff.nightwatch.system;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The console's roles; each includes the ones below it (ADMIN > OPERATOR > VIEWER). The ranked list is
 * the one source: the set of names, Spring's role hierarchy and {@link #covers} all derive from it.
 */
public final class Roles {

    /** Sees every page and signal. */
    public static final String VIEWER = "VIEWER";
    /** Also acts: runs probes, rolls back, applies pool plans. */
    public static final String OPERATOR = "OPERATOR";
    /** Also manages users and API tokens. */
    public static final String ADMIN = "ADMIN";

    /** Lowest first, so a role's index is its rank. */
    private static final List<String> BY_RANK = List.of(VIEWER, OPERATOR, ADMIN);
    public static final Set<String> ALL = Set.copyOf(BY_RANK);
    private static final String AUTHORITY_PREFIX = "ROLE_";

    /** Whether someone holding the roles {@code held} (bare names) has {@code role}, nesting included. */
    public static boolean covers(Collection<String> held, String role) {
        int needed = BY_RANK.indexOf(role);
        return needed >= 0 && held.stream().mapToInt(BY_RANK::indexOf).anyMatch(rank -> rank >= needed);
    }

    /** Spring's hierarchy, each role above the next: "ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER". */
    static String hierarchy() {
        return IntStream.iterate(BY_RANK.size() - 1, i -> i > 0, i -> i - 1)
                .mapToObj(i -> AUTHORITY_PREFIX + BY_RANK.get(i) + " > " + AUTHORITY_PREFIX + BY_RANK.get(i - 1))
                .collect(Collectors.joining("\n"));
    }

    /** How roles are stored with a user: as Spring authorities, comma-separated ("ROLE_ADMIN,ROLE_VIEWER"). */
    static String toAuthorities(Collection<String> roles) {
        return roles.stream().map(r -> AUTHORITY_PREFIX + r).collect(Collectors.joining(","));
    }

    /** The bare role names of stored authorities. */
    static List<String> fromAuthorities(String authorities) {
        return Arrays.stream(authorities.split(",")).map(a -> a.startsWith(AUTHORITY_PREFIX) ? a.substring(AUTHORITY_PREFIX.length()) : a)
                .toList();
    }

    private Roles() {
    }
}
