package com.nightbff.nightwatch.spec;

import java.util.Comparator;

/**
 * One thing wrong with content. The printed form is a contract read by people and by CI:
 * {@code file:line:col: field.path: code: message (hint: …)}. Codes are stable identifiers, so
 * scripts may match on them; messages and hints may improve over time.
 */
public record SpecProblem(SourcePosition position, String path, String code, String message, String hint) {

    /** The path printed for problems about a whole document rather than one field. */
    public static final String ROOT = "$";

    public static final Comparator<SpecProblem> ORDER = Comparator
            .comparing((SpecProblem p) -> p.position().file())
            .thenComparingInt(p -> p.position().line())
            .thenComparingInt(p -> p.position().column())
            .thenComparing(SpecProblem::code);

    public SpecProblem {
        if (!code.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("problem codes are snake_case identifiers: " + code);
        }
        path = path == null || path.isEmpty() ? ROOT : path;
    }

    public String format() {
        String text = position + ": " + path + ": " + code + ": " + message;
        return hint == null || hint.isBlank() ? text : text + " (hint: " + hint + ")";
    }

    @Override
    public String toString() {
        return format();
    }
}
