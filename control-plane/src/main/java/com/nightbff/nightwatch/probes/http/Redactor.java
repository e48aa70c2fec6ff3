package com.nightbff.nightwatch.probes.http;

import com.nightbff.nightwatch.probes.SecretForms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrubs what leaves a run. Secrets are replaced by value (also in their JSON- and URL-encoded
 * forms, since an echoing server may return them either way) with {@code [secret:NAME]};
 * sensitive header values and JSON fields (tokens, passwords, authorization, API keys, cookies)
 * are masked by name, and so are the values extracted into token-like variables.
 */
final class Redactor {

    static final String SENSITIVE_WORDS = "token|password|passwd|secret|authorization|api[-_]?key|cookie|session";
    static final Pattern SENSITIVE_NAME = Pattern.compile("(?i).*(" + SENSITIVE_WORDS + ").*");
    static final Set<String> SENSITIVE_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(\"[^\"]*(?i:" + SENSITIVE_WORDS + ")[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    static final String MASK = "[masked]";

    private final Map<String, String> values = new LinkedHashMap<>();
    /** {@code values} in replacement order; rebuilt after a value is added (a few per run), not per text. */
    private List<Map.Entry<String, String>> ordered = List.of();

    /** Registers a secret value under its name. */
    void secret(String name, String value) {
        add(value, "[secret:" + name + "]");
    }

    /** Registers a value extracted into a variable; masked when the variable or its source looks sensitive. */
    void extracted(String variable, String path, String value) {
        if (SENSITIVE_NAME.matcher(variable).matches() || SENSITIVE_NAME.matcher(path).matches()) {
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
        String out = SecretForms.replaceAll(text, ordered);
        Matcher m = JSON_FIELD.matcher(out);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "\"" + MASK + "\""));
    }

    String header(String name, String value) {
        return SENSITIVE_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) || SENSITIVE_NAME.matcher(name).matches()
                ? MASK : scrub(value);
    }
}
