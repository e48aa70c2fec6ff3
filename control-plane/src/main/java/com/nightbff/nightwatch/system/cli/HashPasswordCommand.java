package com.nightbff.nightwatch.system.cli;

import com.nightbff.nightwatch.system.Passwords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code nightwatch hash-password}: prints the bcrypt hash of a password, for
 * {@code nightwatch.security.users[i].password-hash}. The password comes from standard input, never
 * from an argument, which shell history and the process list would keep. On a terminal it is asked
 * for twice without echo, so a typo cannot slip into a hash nobody can read back.
 */
final class HashPasswordCommand {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final SecretPrompt terminal;

    /** {@code terminal} is null when standard input is a pipe or a file: its first line is the password. */
    HashPasswordCommand(InputStream in, PrintStream out, PrintStream err, SecretPrompt terminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    int run(String[] args) {
        if (args.length > 0) {
            return fail("takes no arguments: the password is read from standard input, to keep it out of shell history\n"
                    + CommandLine.USAGE);
        }
        char[] password = null;
        char[] again = null;
        try {
            password = terminal == null ? firstLine() : terminal.ask("Password: ");
            String problem = problem(password);
            if (problem != null) {
                return fail(problem);
            }
            if (terminal != null) {
                again = terminal.ask("Again: ");
                if (!Arrays.equals(password, again)) {
                    return fail("the two passwords differ");
                }
            }
            out.println(Passwords.encoder().encode(CharBuffer.wrap(password)));
            return 0;
        } catch (IOException e) {
            return fail("cannot read the password: " + e.getMessage());
        } finally {
            wipe(password);
            wipe(again);
        }
    }

    /** Why the plane would not take this password, or null. Never quotes it: the message may end up in a log. */
    static String problem(char[] password) {
        if (password == null || password.length == 0) {
            return "the password is empty";
        }
        int length = Passwords.length(CharBuffer.wrap(password));
        if (length < Passwords.MIN_LENGTH) {
            return "the password has " + length + " characters; Nightwatch needs at least " + Passwords.MIN_LENGTH;
        }
        if (Passwords.utf8Bytes(CharBuffer.wrap(password)) > Passwords.MAX_BYTES) {
            return "the password is longer than the " + Passwords.MAX_BYTES + " bytes (UTF-8) bcrypt can use";
        }
        return null;
    }

    /** One line, as {@code echo} or a password manager writes it: its line break is not part of the password. */
    private char[] firstLine() throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null ? null : line.toCharArray();
    }

    private int fail(String message) {
        err.println("nightwatch hash-password: " + message);
        return 2;
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
