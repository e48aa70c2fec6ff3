package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.SpecProblem;
import java.time.Instant;
import java.util.List;

/**
 * What the console banner, health endpoint and API say about content: the active revision, and,
 * when the newest revision was rejected, the repository could not be read or the active revision
 * runs without something its probes need, why.
 *
 * @param active        the running snapshot's revision, null before any valid content
 * @param rejected      the newest revision when it was rejected, else null
 * @param problems      the rejected revision's problems
 * @param sourceError   why the repository could not be read on the last poll, else null
 * @param checkedAt     when the repository was last polled
 * @param warnings      the problems the active revision runs with on this replica (secrets not set, files skipped), else empty
 */
public record ContentStatus(ContentRevision active, ContentRevision rejected, List<SpecProblem> problems,
                            String sourceError, Instant checkedAt, List<SpecProblem> warnings) {

    public ContentStatus {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** The newest revision is active, runs with everything it needs here, and the repository was readable. */
    public boolean healthy() {
        return active != null && rejected == null && sourceError == null && warnings.isEmpty();
    }
}
