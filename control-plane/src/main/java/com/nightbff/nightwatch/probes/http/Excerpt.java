package com.nightbff.nightwatch.probes.http;

import okhttp3.Response;

/** The part of a failed response kept as evidence: status, headers and the start of the body, redacted. */
final class Excerpt {

    static final int MAX_BODY_CHARS = 2048;

    private Excerpt() {
    }

    static String of(Response response, BoundedBody.Body body, Redactor redactor) {
        StringBuilder out = new StringBuilder("HTTP ").append(response.code()).append('\n');
        okhttp3.Headers headers = response.headers();
        for (int i = 0; i < headers.size(); i++) {
            out.append(headers.name(i)).append(": ").append(redactor.header(headers.name(i), headers.value(i))).append('\n');
        }
        // Scrub the whole body before cutting it: a secret or a sensitive field split by the cut
        // would no longer match and would survive as a prefix.
        String text = redactor.scrub(body.text());
        if (text.length() > MAX_BODY_CHARS) {
            text = text.substring(0, MAX_BODY_CHARS) + "\n[… " + (body.bytes().length - MAX_BODY_CHARS) + " more bytes]";
        }
        out.append('\n').append(text);
        return redactor.scrub(out.toString());
    }
}
