package com.nightbff.nightwatch.probes.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks, in any text a run produces, the values of JSON fields and of query or form parameters whose
 * name {@link SensitiveNames} calls sensitive. A JSON value is masked whole whatever its type, so
 * {@code "session": {"id": "…"}} and {@code "pin_token": 123456} lose everything under the name;
 * {@code null}, {@code true} and {@code false} stay, as they cannot hold a credential and tell what
 * failed. Text is scanned, not parsed: excerpts are cut-off bodies, messages quote fragments, and a
 * value cut off before its end is masked to the end of the text rather than left as a prefix.
 */
final class SensitiveFields {

    /**
     * A quoted name and its colon. Unrolled and possessive: the plain {@code (?:[^"\\]|\\.)*} recurses once per
     * character in Java's engine, and a body with a long string (an HTML error page) overflowed the stack.
     */
    private static final Pattern KEY = Pattern.compile("\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"\\s*:\\s*");
    /** {@code name=value} at the start of a query, a fragment (OAuth's implicit flow), a form body or a line, or after {@code &}. */
    private static final Pattern PARAMETER = Pattern.compile("(?:^|(?<=[?&#\\s]))([\\w.\\-\\[\\]%]+)=([^&#\\s\"'<>]*)",
            Pattern.MULTILINE);
    private static final String MASKED_JSON = "\"" + Redactor.MASK + "\"";

    private SensitiveFields() {
    }

    static String mask(String text) {
        return parameters(json(text));
    }

    private static String json(String text) {
        Matcher key = KEY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int from = 0;
        while (from < text.length() && key.find(from)) {
            int start = key.end();
            int end = SensitiveNames.sensitive(key.group(1)) ? valueEnd(text, start) : start;
            if (end > start) {
                out.append(text, copied, start).append(MASKED_JSON);
                copied = end;
                from = end;
            } else {
                // Past a string value (its text is data, not fields); into an object or array, whose fields come next.
                from = start < text.length() && text.charAt(start) == '"' ? stringEnd(text, start) : start;
            }
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where the maskable JSON value starting at {@code i} ends; {@code i} itself for a literal or no value. */
    private static int valueEnd(String text, int i) {
        if (i >= text.length()) {
            return i;
        }
        char c = text.charAt(i);
        if (c == '"') {
            return stringEnd(text, i);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            for (int j = i; j < text.length(); j++) {
                char d = text.charAt(j);
                if (d == '"') {
                    j = stringEnd(text, j) - 1;
                } else if (d == '{' || d == '[') {
                    depth++;
                } else if ((d == '}' || d == ']') && --depth == 0) {
                    return j + 1;
                }
            }
            return text.length();
        }
        int j = i;
        while (j < text.length() && "0123456789+-.eE".indexOf(text.charAt(j)) >= 0) {
            j++;
        }
        return j;
    }

    /** Just past the string opening at {@code i}, or the end of the text when it was cut off. */
    private static int stringEnd(String text, int i) {
        for (int j = i + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return j + 1;
            }
        }
        return text.length();
    }

    private static String parameters(String text) {
        return PARAMETER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                SensitiveNames.sensitive(m.group(1)) && !m.group(2).isEmpty() ? m.group(1) + "=" + Redactor.MASK : m.group()));
    }
}
