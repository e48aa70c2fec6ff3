package com.nightbff.nightwatch.system;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How the plane hashes console passwords and how long a password must be, in one place, so that
 * {@code nightwatch hash-password} makes hashes the plane accepts and holds passwords to its rule.
 */
public final class Passwords {

    /** In characters (code points, so a password of emoji is not counted twice). */
    public static final int MIN_LENGTH = 12;

    /** bcrypt reads at most this many bytes of UTF-8; Spring's encoder refuses longer passwords. */
    public static final int MAX_BYTES = 72;

    private Passwords() {
    }

    public static PasswordEncoder encoder() {
        return new BCryptPasswordEncoder();
    }

    public static int length(CharSequence password) {
        return (int) password.codePoints().count();
    }

    /** The password's length in UTF-8, the bytes bcrypt reads; counted, not encoded, so no copy lingers. */
    public static int utf8Bytes(CharSequence password) {
        return password.codePoints().map(c -> c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4).sum();
    }
}
