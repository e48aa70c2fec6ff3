package com.nightbff.nightwatch.embeddedpg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the PostgreSQL processes run as. PostgreSQL refuses root, so a root JVM runs them as
 * {@code nobody} through {@code setpriv}; any other user runs them as itself.
 */
final class ProcessUser {

    private static final String UNPRIVILEGED = "65534";

    private final boolean dropPrivileges;

    private ProcessUser(boolean dropPrivileges) {
        this.dropPrivileges = dropPrivileges;
    }

    static ProcessUser current() {
        return new ProcessUser("root".equals(System.getProperty("user.name")));
    }

    boolean dropsPrivileges() {
        return dropPrivileges;
    }

    List<String> command(List<String> command) {
        if (!dropPrivileges) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + UNPRIVILEGED,
                "--regid=" + UNPRIVILEGED, "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands a folder to the process user so the server can write there. */
    void own(Path dir) throws IOException, InterruptedException {
        if (dropPrivileges) {
            ProcessResult.run(List.of("chown", "-R", UNPRIVILEGED + ":" + UNPRIVILEGED, dir.toString()), null)
                    .requireSuccess("chown " + dir);
        }
    }

    /** True when the process user can enter and write the folder (all its parents must be traversable). */
    boolean canWrite(Path dir) throws IOException, InterruptedException {
        return ProcessResult.run(command(List.of("test", "-w", dir.toString(), "-a", "-x", dir.toString())), null)
                .exitCode() == 0;
    }
}
