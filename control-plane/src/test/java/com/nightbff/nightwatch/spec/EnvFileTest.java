package com.nightbff.nightwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvFileTest {

    private static final String TEXT = "# pool managed by Nightwatch\nexport SERVICE_NAME=auth\nDB_POOL_SIZE=50 # too many\n"
            + "QUOTED=\"a b\"\n";

    @Test
    void readsValuesWithPositionsCommentsAndQuotes() {
        Problems problems = new Problems();
        EnvFile env = EnvFile.parse("deploy/auth.env", TEXT.getBytes(StandardCharsets.UTF_8), problems);

        assertThat(problems.isEmpty()).isTrue();
        assertThat(env.values()).containsEntry("SERVICE_NAME", "auth").containsEntry("DB_POOL_SIZE", "50")
                .containsEntry("QUOTED", "a b");
        assertThat(env.entry("DB_POOL_SIZE").orElseThrow().position()).hasToString("deploy/auth.env:3:14");
    }

    @Test
    void changingOneValueLeavesEveryOtherLineAsItWas() {
        EnvFile env = EnvFile.parse("deploy/auth.env", TEXT.getBytes(StandardCharsets.UTF_8), new Problems());

        assertThat(env.withValue("DB_POOL_SIZE", "9")).isEqualTo(
                "# pool managed by Nightwatch\nexport SERVICE_NAME=auth\nDB_POOL_SIZE=9\nQUOTED=\"a b\"\n");
        assertThat(env.withValue("NEW_KEY", "1")).endsWith("QUOTED=\"a b\"\nNEW_KEY=1\n");
    }

    @Test
    void refusesValuesThatCouldInjectLines() {
        EnvFile env = EnvFile.parse("deploy/auth.env", TEXT.getBytes(StandardCharsets.UTF_8), new Problems());

        assertThatThrownBy(() -> env.withValue("DB_POOL_SIZE", "9\nEVIL=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void crlfLineEndingsAreLineEndsNotPartOfValuesAndSurviveAnEdit() {
        Problems problems = new Problems();
        byte[] crlf = "SERVICE_NAME=auth\r\nDB_POOL_SIZE=50\r\n".getBytes(StandardCharsets.UTF_8);
        EnvFile env = EnvFile.parse("deploy/auth.env", crlf, problems);

        assertThat(problems.isEmpty()).isTrue();
        assertThat(env.values()).containsEntry("SERVICE_NAME", "auth").containsEntry("DB_POOL_SIZE", "50");
        assertThat(env.withValue("DB_POOL_SIZE", "10")).isEqualTo("SERVICE_NAME=auth\r\nDB_POOL_SIZE=10\r\n");
    }

    @Test
    void oversizedOrNonUtf8FilesAreRejectedAsAWhole() {
        Problems big = new Problems();
        EnvFile.parse("deploy/huge.env", "A=1\n".repeat(ContentText.MAX_BYTES).getBytes(StandardCharsets.UTF_8), big);
        assertThat(big.sorted()).extracting(SpecProblem::format)
                .containsExactly("deploy/huge.env:1:1: $: file_too_large: file is 1048576 bytes, the limit is 262144 "
                        + "(hint: split it into several files)");

        Problems binary = new Problems();
        EnvFile env = EnvFile.parse("deploy/auth.env", new byte[] {'X', '=', (byte) 0xff, (byte) 0xfe, '\n'}, binary);
        assertThat(binary.sorted()).extracting(SpecProblem::code).containsExactly("not_utf8");
        assertThat(env.values()).isEmpty();
    }
}
