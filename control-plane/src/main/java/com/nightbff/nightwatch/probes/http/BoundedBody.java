package com.nightbff.nightwatch.probes.http;

import java.io.IOException;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Reads at most a limit of a response body; a larger one is cut off and reported, never buffered whole. */
final class BoundedBody {

    /** What was read; {@code tooLarge} when the body (or its declared length) went past the limit. */
    record Body(byte[] bytes, boolean tooLarge) {
        String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private BoundedBody() {
    }

    static Body read(Response response, long limit) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return new Body(new byte[0], false);
        }
        if (body.contentLength() > limit) {
            return new Body(new byte[0], true);
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() <= limit) {
            long read = source.read(buffer, Math.min(8192, limit + 1 - buffer.size()));
            if (read == -1) {
                return new Body(buffer.readByteArray(), false);
            }
        }
        return new Body(buffer.readByteArray(Math.min(buffer.size(), limit)), true);
    }
}
