package com.nightbff.nightwatch.gitops;

/** Removes credentials embedded in a repository URL before it reaches a log or an error. */
final class RedactedUri {

    private RedactedUri() {
    }

    static String of(String uri) {
        return uri.replaceAll("(://)[^/@\\s]+@", "$1***@");
    }

    /** Redacts every URL with credentials inside a free text, such as a JGit error message. */
    static String scrub(String text) {
        return text == null ? null : of(text);
    }
}
