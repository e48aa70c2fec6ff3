package com.nightbff.nightwatch.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The token format: {@code nwt_} and 32 random bytes in URL-safe base64. The prefix makes a leaked
 * token recognisable to secret scanners and people; the fixed shape lets malformed values be
 * refused before touching the database.
 */
final class TokenValues {

    static final String PREFIX = "nwt_";
    static final int RANDOM_BYTES = 32;
    /** Prefix plus 8 characters: enough to tell tokens apart, far too little to guess the rest (35 chars remain). */
    static final int DISPLAY_LENGTH = PREFIX.length() + 8;
    private static final Pattern SHAPE = Pattern.compile("nwt_[A-Za-z0-9_-]{43}");

    private TokenValues() {
    }

    static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    static String displayPrefix(String value) {
        return value.substring(0, DISPLAY_LENGTH);
    }

    /** SHA-256 in hex; a slow hash would buy nothing for 256-bit random values and cost every request. */
    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
