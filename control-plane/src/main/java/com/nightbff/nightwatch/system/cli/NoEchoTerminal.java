package com.nightbff.nightwatch.system.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A terminal on standard input when Java offers no {@link java.io.Console}: it wants standard output on
 * the terminal too, and {@code HASH=$(nightwatch hash-password)} captures that. {@code stty}, which acts
 * on the standard input it inherits, turns the echo off for each answer and restores it after.
 */
final class NoEchoTerminal implements SecretPrompt {

    private final BufferedReader reader;
    private final PrintStream err;
    private final String saved;

    private NoEchoTerminal(InputStream in, PrintStream err, String saved) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.err = err;
        this.saved = saved;
    }

    /** Null when standard input is no terminal: {@code stty} then has no settings to show. */
    static SecretPrompt attach(InputStream in, PrintStream err) {
        String saved = stty("-g");
        return saved == null || saved.isEmpty() ? null : new NoEchoTerminal(in, err, saved);
    }

    @Override
    public char[] ask(String label) throws IOException {
        err.print(label);
        err.flush();
        // Ctrl-C while reading must not leave the user's terminal silent.
        Thread restore = new Thread(() -> stty(saved));
        Runtime.getRuntime().addShutdownHook(restore);
        stty("-echo");
        try {
            String line = reader.readLine();
            return line == null ? null : line.toCharArray();
        } finally {
            stty(saved);
            Runtime.getRuntime().removeShutdownHook(restore);
            // The Enter that ended the line was not echoed either.
            err.println();
        }
    }

    /** Runs stty on the inherited standard input; its output, or null when it failed. */
    private static String stty(String argument) {
        try {
            Process process = new ProcessBuilder("stty", argument)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
