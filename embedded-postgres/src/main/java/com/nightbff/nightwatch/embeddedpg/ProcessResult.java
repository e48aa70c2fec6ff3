package com.nightbff.nightwatch.embeddedpg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The outcome of one short-lived command, with its combined output for error messages. */
record ProcessResult(int exitCode, String output) {

    private static final long TIMEOUT_SECONDS = 120;

    static ProcessResult run(List<String> command, Path workingDir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new ProcessResult(-1, "timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        return new ProcessResult(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    ProcessResult requireSuccess(String what) {
        if (exitCode != 0) {
            throw new IllegalStateException(what + " failed (exit " + exitCode + "): " + output.strip());
        }
        return this;
    }
}
