package com.nightbff.nightwatch.spec;

import java.util.regex.Pattern;

/**
 * Nightwatch's one form for the names content gives things (services, databases, probes, steps):
 * they end up in metric labels, URLs and Quartz keys, so lower-case letters, digits and '-',
 * starting with a letter, at most 63 characters.
 */
public final class Names {

    public static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private Names() {
    }

    /** A required name; null, with an {@code invalid_name} problem and the given hint, when it is not one. */
    public static String read(SpecMap map, String key, String hint) {
        String name = map.string(key, true);
        return name != null && check(map, key, name, hint) ? name : null;
    }

    /** Whether {@code name}, read from {@code key}, is one; an {@code invalid_name} problem when it is not. */
    public static boolean check(SpecMap map, String key, String name, String hint) {
        if (FORM.matcher(name).matches()) {
            return true;
        }
        map.problem(key, "invalid_name", "name '" + name + "' must be lower-case letters, digits and '-'", hint);
        return false;
    }
}
