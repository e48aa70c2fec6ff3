package com.nightbff.nightwatch.spec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The checks every content file passes before it is parsed, whatever its format: a size bound and UTF-8. */
public final class ContentText {

    /** Far above any real content file; keeps a stray dump or binary from stalling validation. */
    public static final int MAX_BYTES = 256 * 1024;

    private ContentText() {
    }

    /** The file's text without a byte-order mark, or null after reporting why it cannot be read. */
    public static String decode(String file, byte[] content, Problems problems) {
        if (content.length > MAX_BYTES) {
            problems.add(SourcePosition.startOf(file), SpecProblem.ROOT, "file_too_large",
                    "file is " + content.length + " bytes, the limit is " + MAX_BYTES, "split it into several files");
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            problems.add(SourcePosition.startOf(file), SpecProblem.ROOT, "not_utf8", "the file is not valid UTF-8", "save it as UTF-8");
            return null;
        }
    }
}
