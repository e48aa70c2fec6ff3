package com.nightbff.nightwatch.probes;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in content: an integer and a unit (ms, s, m, h, d), e.g. {@code 300ms} or {@code 30s}. */
public final class Durations {

    static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private Durations() {
    }

    /** The duration, or null when the text is not in the format. */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        return m.matches() ? of(Long.parseLong(m.group(1)), m.group(2)) : null;
    }

    static Duration of(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    /** The shortest exact form, e.g. 1500ms or 30s, for messages and the console. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s % 60 != 0 || s == 0) {
            return s + "s";
        }
        return s % 3600 == 0 ? s / 3600 + "h" : s / 60 + "m";
    }
}
