package com.nightbff.nightwatch.sandbox.cache;

import java.util.Locale;

/** How the interest service uses Redis; set through {@code PUT /_sandbox/cache}. */
public enum CacheMode {
    OK, BYPASS, WRAPPED;

    public static CacheMode parse(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
