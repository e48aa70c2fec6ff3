package com.nightbff.nightwatch.system.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.system.Passwords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashPasswordCommandTest {

    /** What UserAccounts requires of a configured password-hash. */
    private static final String BCRYPT = "^\\$2[aby]?\\$\\d\\d\\$.{53}$";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int piped(String stdin, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "hash-password";
        System.arraycopy(args, 0, command, 1, args.length);
        return CommandLine.run(command, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOnlyAHashThePlaneAcceptsForThePipedPassword() {
        assertThat(piped("correct horse battery\n")).isZero();

        String hash = out().strip();
        assertThat(out().lines()).hasSize(1);
        assertThat(hash).matches(BCRYPT).startsWith("$2a$10$");
        assertThat(Passwords.encoder().matches("correct horse battery", hash)).isTrue();
        assertThat(err()).isEmpty();
    }

    @Test
    void theLineBreakIsNotPartOfThePasswordAndLaterLinesAreIgnored() {
        assertThat(piped("twelve chars\r\nsomething else\n")).isZero();
        assertThat(Passwords.encoder().matches("twelve chars", out().strip())).isTrue();

        out.reset();
        assertThat(piped("no line break at the end")).isZero();
        assertThat(Passwords.encoder().matches("no line break at the end", out().strip())).isTrue();
    }

    @Test
    void rejectsAnEmptyPasswordWithExitTwo() {
        assertThat(piped("")).isEqualTo(2);
        assertThat(piped("\n")).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("nightwatch hash-password: the password is empty");
    }

    @Test
    void rejectsAPasswordShorterThanThePlanesMinimumWithoutQuotingIt() {
        assertThat(piped("eleven-char\n")).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("the password has 11 characters; Nightwatch needs at least 12").doesNotContain("eleven-char");

        // Characters, not UTF-16 units: eleven emoji are eleven characters.
        err.reset();
        assertThat(piped("\uD83D\uDD12".repeat(11) + "\n")).isEqualTo(2);
        assertThat(err()).contains("has 11 characters");
        assertThat(piped("\uD83D\uDD12".repeat(12) + "\n")).isZero();
    }

    @Test
    void rejectsAPasswordLongerThanBcryptReads() {
        assertThat(piped("x".repeat(72) + "\n")).isZero();
        out.reset();
        assertThat(piped("x".repeat(73) + "\n")).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("longer than the 72 bytes");
    }

    @Test
    void refusesThePasswordAsAnArgument() {
        assertThat(piped("", "my-secret-password")).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("takes no arguments", "standard input").doesNotContain("my-secret-password");
    }

    @Test
    void onATerminalAsksTwiceAndRefusesTwoDifferentAnswers() {
        List<String> asked = new ArrayList<>();
        assertThat(onTerminal(asked, "correct horse battery", "correct horse battery")).isZero();
        assertThat(asked).containsExactly("Password: ", "Again: ");
        assertThat(Passwords.encoder().matches("correct horse battery", out().strip())).isTrue();

        out.reset();
        assertThat(onTerminal(new ArrayList<>(), "correct horse battery", "correct horse battatry")).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("the two passwords differ");
    }

    @Test
    void onATerminalATooShortPasswordIsRefusedBeforeTheSecondQuestion() {
        List<String> asked = new ArrayList<>();
        assertThat(onTerminal(asked, "short")).isEqualTo(2);
        assertThat(asked).containsExactly("Password: ");
        assertThat(err()).contains("the password has 5 characters");
    }

    @Test
    void helpNamesTheCommand() {
        assertThat(CommandLine.run(new String[] {"help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out()).contains("nightwatch hash-password");
    }

    /** A terminal that answers from a script and records what it was asked. */
    private int onTerminal(List<String> asked, String... answers) {
        Deque<String> left = new ArrayDeque<>(List.of(answers));
        SecretPrompt terminal = label -> {
            asked.add(label);
            return left.isEmpty() ? null : left.poll().toCharArray();
        };
        return new HashPasswordCommand(InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal).run(new String[0]);
    }
}
