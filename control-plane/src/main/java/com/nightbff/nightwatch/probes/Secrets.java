package com.nightbff.nightwatch.probes;

import java.util.function.Function;

/**
 * Where probes' {@code ${secret:NAME}} values come from: the environment, with an empty or blank value
 * counted as unset (a blank line in a systemd or CI env file must not send blank logins to NightBFF),
 * and never the plane's own variables. Validation and the prober both ask through here, so a secret
 * that is missing for one is missing for the other.
 */
public final class Secrets {

    private Secrets() {
    }

    public static Function<String, String> from(Function<String, String> environment) {
        return name -> {
            if (Template.PLANE_ONLY.matcher(name).lookingAt()) {
                return null;
            }
            String value = environment.apply(name);
            return value == null || value.isBlank() ? null : value;
        };
    }
}
