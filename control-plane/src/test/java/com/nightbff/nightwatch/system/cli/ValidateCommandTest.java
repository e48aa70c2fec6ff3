package com.nightbff.nightwatch.system.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.testsupport.ContentRepoFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void acceptsTheRepositorysContentWithExitZero() {
        assertThat(run("validate", "--content", "..")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("content OK: 8 services, 1 database(s), 8 env file(s), 12 probe(s) in ");
    }

    @Test
    void printsEveryProblemOnePerLineAndExitsOne() {
        int status = run("validate", "--content", ContentRepoFixture.caseDir("several_problems").toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(4)
                .allMatch(l -> l.matches("^[\\w./]+:\\d+:\\d+: [\\w.\\[\\]$]+: [a-z_]+: .+"));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("4 problem(s) in");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("validate", "--bogus")).isEqualTo(2);
        assertThat(run("validate", "--content", "/nonexistent/folder")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'", "usage: nightwatch");
    }
}
