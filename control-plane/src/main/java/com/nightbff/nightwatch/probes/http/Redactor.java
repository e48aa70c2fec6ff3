package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.JsonPath;
import com.nightbff.nightwatch.probes.SecretForms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scrubs what leaves a run. Secrets are replaced by value (also in their JSON- and URL-encoded
 * forms, since an echoing server may return them either way) with {@code [secret:NAME]}; header
 * values, JSON fields and parameters whose name {@link SensitiveNames} calls sensitive are masked,
 * and so are the values extracted from such fields or into such variables, wherever they appear later
 * in the run. Messages quote response data only through {@link #quote}, so they follow the same rule
 * as excerpts.
 */
final class Redactor {

    static final String MASK = "[masked]";
    /** The longest response value a message quotes. */
    static final int MAX_QUOTE = 120;

    private final Map<String, String> values = new LinkedHashMap<>();
    /** {@code values} in replacement order; rebuilt after a value is added (a few per run), not per text. */
    private List<Map.Entry<String, String>> ordered = List.of();

    /** Registers a secret value under its name. */
    void secret(String name, String value) {
        add(value, "[secret:" + name + "]");
    }

    /**
     * Registers a value extracted into a variable: masked from then on, in every later message and excerpt of
     * the run, when the variable's name or any field it was read from or under is sensitive.
     */
    void extracted(String variable, JsonPath.Selected selected, String value) {
        if (SensitiveNames.sensitive(variable) || sensitive(selected)) {
            add(value, MASK);
        }
    }

    private void add(String value, String replacement) {
        for (String form : SecretForms.of(value)) {
            if (form.equals(value)) {
                values.put(form, replacement);
            } else {
                values.putIfAbsent(form, replacement);
            }
        }
        ordered = SecretForms.longestFirst(values);
    }

    String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return SensitiveFields.mask(SecretForms.replaceAll(text, ordered));
    }

    String header(String name, String value) {
        return SensitiveNames.sensitive(name) ? MASK : scrub(value);
    }

    /**
     * A response value as a message may show it: masked whole when it was read from a sensitive field or
     * from under one ({@code $.session.id}); otherwise scrubbed, then shortened (scrubbing after the cut
     * would miss a secret the cut split).
     */
    String quote(JsonPath.Selected selected) {
        if (sensitive(selected)) {
            return MASK;
        }
        String text = scrub(selected.node().toString());
        return text.length() <= MAX_QUOTE ? text : text.substring(0, MAX_QUOTE - 3) + "...";
    }

    private static boolean sensitive(JsonPath.Selected selected) {
        return selected.fields().stream().anyMatch(SensitiveNames::sensitive);
    }
}
