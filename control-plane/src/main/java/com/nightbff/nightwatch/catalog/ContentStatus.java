package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.SpecProblem;
import java.time.Instant;
import java.util.List;

/**
 * What the console banner, health endpoint and API say about content: the active revision, and,
 * when the newest revision was rejected or the repository could not be read, why.
 *
 * @param active        the running snapshot's revision, null before any valid content
 * @param rejected      the newest revision when it was rejected, else null
 * @param problems      the rejected revision's problems
 * @param sourceError   why the repository could not be read on the last poll, else null
 * @param checkedAt     when the repository was last polled
 */
public record ContentStatus(ContentRevision active, ContentRevision rejected, List<SpecProblem> problems,
                            String sourceError, Instant checkedAt) {

    public boolean healthy() {
        return active != null && rejected == null && sourceError == null;
    }
}
