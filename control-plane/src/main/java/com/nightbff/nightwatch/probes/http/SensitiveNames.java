package com.nightbff.nightwatch.probes.http;

import java.util.regex.Pattern;

/**
 * The one rule for which names hold credentials: response headers (Authorization, Set-Cookie,
 * X-Api-Key…), JSON fields, query and form parameters and extracted variables. Excerpts, step
 * messages and variables all ask it, so a value is masked in one place exactly when it is masked in
 * the others. Broad on purpose, since a false positive hides a value while debugging and a false
 * negative leaks a credential into the store, the console and the API. The one exception is a name
 * ending in "type" ({@code tokenType}, {@code token_type}): it names the kind of credential
 * ("Bearer"), which is public.
 */
final class SensitiveNames {

    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i).*(token|password|passwd|passphrase|secret|credential|authorization|api[-_]?key|private[-_]?key|jwt|cookie|session).*");
    private static final Pattern KIND = Pattern.compile("(?i).*type");

    private SensitiveNames() {
    }

    static boolean sensitive(String name) {
        return CREDENTIAL.matcher(name).matches() && !KIND.matcher(name).matches();
    }
}
