package com.nightbff.nightwatch.probes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ways a secret value can appear in a response or a message: as it is, JSON-escaped (with and
 * without escaped slashes) and URL-encoded. Every scrubber masks all of them, so they live here once.
 */
public final class SecretForms {

    /** Shorter values would mask ordinary words; secrets that short are rare. */
    public static final int MIN_LENGTH = 3;

    private SecretForms() {
    }

    /**
     * The (form, mask) pairs in the order to replace them: longest form first across all secrets. With
     * {@code nightwatch} and {@code nightwatch-probe} both secret, masking the shorter first would leave
     * "-probe" of the longer. Sorted once by whoever holds the pairs, not on every text.
     */
    public static List<Map.Entry<String, String>> longestFirst(Map<String, String> masksByForm) {
        List<Map.Entry<String, String>> ordered = new ArrayList<>(masksByForm.entrySet());
        ordered.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        return List.copyOf(ordered);
    }

    /** Replaces every form by its mask, in the order {@link #longestFirst} gave. */
    public static String replaceAll(String text, List<Map.Entry<String, String>> ordered) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> e : ordered) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The forms to replace, longest-specific first; empty when the value is too short to scrub safely. */
    public static Set<String> of(String value) {
        Set<String> forms = new LinkedHashSet<>();
        if (value == null || value.length() < MIN_LENGTH) {
            return forms;
        }
        String json = value.replace("\\", "\\\\").replace("\"", "\\\"");
        forms.add(value);
        forms.add(json.replace("/", "\\/"));
        forms.add(json);
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return forms;
    }
}
