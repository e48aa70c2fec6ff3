package com.nightbff.nightwatch.spec;

/** A 1-based line and column in a content file, as editors count them. */
public record SourcePosition(String file, int line, int column) {

    public static SourcePosition startOf(String file) {
        return new SourcePosition(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
