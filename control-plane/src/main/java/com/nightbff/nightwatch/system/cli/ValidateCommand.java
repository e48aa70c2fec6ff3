package com.nightbff.nightwatch.system.cli;

import com.nightbff.nightwatch.catalog.BundleLoader;
import com.nightbff.nightwatch.catalog.ContentModules;
import com.nightbff.nightwatch.catalog.ContentRevision;
import com.nightbff.nightwatch.catalog.DirectoryContentSource;
import com.nightbff.nightwatch.spec.SpecProblem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code nightwatch validate [--content DIR]}: the same validation the plane applies to a commit,
 * run on files as they are on disk, so mistakes are caught before they are committed.
 */
final class ValidateCommand {

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Path dir = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--content") && i + 1 < args.length) {
                dir = Path.of(args[++i]);
            } else if (args[i].startsWith("--content=")) {
                dir = Path.of(args[i].substring("--content=".length()));
            } else {
                err.println("nightwatch validate: unexpected argument '" + args[i] + "'\n" + CommandLine.USAGE);
                return 2;
            }
        }
        if (!Files.isDirectory(dir)) {
            err.println("nightwatch validate: " + dir + " is not a folder");
            return 2;
        }
        var source = new DirectoryContentSource(dir);
        var loader = new BundleLoader(ContentModules.defaults(), Clock.systemUTC());
        var result = loader.load(source, new ContentRevision(ContentRevision.WORKING_TREE, null, null, null));
        if (!result.valid()) {
            result.problems().stream().map(SpecProblem::format).forEach(out::println);
            err.println(result.problems().size() + " problem(s) in " + dir.toAbsolutePath().normalize());
            return 1;
        }
        // Every kind the modules loaded, counted by its own module, so a new kind of content shows up here by itself.
        out.println("content OK: " + loader.summary(result.snapshot()) + " in " + dir.toAbsolutePath().normalize());
        return 0;
    }
}
