package com.nightbff.nightwatch.system.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/** Asks for a secret on the terminal, without echoing what is typed. */
@FunctionalInterface
interface SecretPrompt {

    /** Shows {@code label} and returns the answer, or null at the end of input. */
    char[] ask(String label) throws IOException;

    /** The terminal standard input is attached to, or null when standard input is a pipe or a file. */
    static SecretPrompt ofTerminal(InputStream in, PrintStream err) {
        Console console = System.console();
        if (console != null) {
            return label -> console.readPassword("%s", label);
        }
        return NoEchoTerminal.attach(in, err);
    }
}
