package com.nightbff.nightwatch.catalog;

import java.time.Instant;

/** Which commit a snapshot was built from; {@code sha} is "working-tree" for content read from disk. */
public record ContentRevision(String sha, String author, String message, Instant committedAt) {

    public static final String WORKING_TREE = "working-tree";

    public String shortSha() {
        return sha.length() > 10 ? sha.substring(0, 10) : sha;
    }

    /** The first line of the commit message. */
    public String subject() {
        if (message == null) {
            return "";
        }
        int eol = message.indexOf('\n');
        return (eol < 0 ? message : message.substring(0, eol)).strip();
    }
}
