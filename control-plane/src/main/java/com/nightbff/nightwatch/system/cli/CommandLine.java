package com.nightbff.nightwatch.system.cli;

import com.nightbff.nightwatch.NightwatchApplication;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;

/** Dispatches {@code nightwatch <command> [options]}. */
public final class CommandLine {

    static final String USAGE = """
            usage: nightwatch [run] [--key=value ...]     start the plane (console on http://localhost:8080)
                   nightwatch validate [--content DIR]   check content files on disk (default: current directory)
                   nightwatch hash-password              print the bcrypt hash of a password read from standard input
                   nightwatch help
            exit status: 0 ok, 1 problems found, 2 bad usage""";

    /** Returned by {@code run}: the server keeps the JVM alive on its own threads; do not exit. */
    public static final int SERVING = -1;

    private CommandLine() {
    }

    /** Runs a command; returns its exit status, or {@link #SERVING} once the server is up. */
    public static int run(String[] args) {
        return run(args, System.in, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        String command = args.length == 0 || args[0].startsWith("--") ? "run" : args[0];
        String[] rest = args.length == 0 || args[0].startsWith("--") ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "run" -> {
                SpringApplication.run(NightwatchApplication.class, rest);
                return SERVING;
            }
            case "validate" -> {
                return new ValidateCommand(out, err).run(rest);
            }
            case "hash-password" -> {
                // Only the process's own standard input can be a terminal; a stream handed in is read as given.
                SecretPrompt terminal = in == System.in ? SecretPrompt.ofTerminal(in, err) : null;
                return new HashPasswordCommand(in, out, err, terminal).run(rest);
            }
            case "help", "-h" -> {
                out.println(USAGE);
                return 0;
            }
            default -> {
                err.println("nightwatch: unknown command '" + command + "'\n" + USAGE);
                return 2;
            }
        }
    }
}
