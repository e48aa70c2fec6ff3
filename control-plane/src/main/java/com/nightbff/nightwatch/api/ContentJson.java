package com.nightbff.nightwatch.api;

import com.nightbff.nightwatch.catalog.ContentRevision;
import com.nightbff.nightwatch.catalog.ContentStatus;
import com.nightbff.nightwatch.spec.SpecProblem;
import java.time.Instant;
import java.util.List;

/**
 * The content status as JSON. Problems and warnings are the same formatted lines the CLI prints
 * ({@code file:line:col: path: code: message (hint: …)}), so CI logs read the same either way.
 */
record ContentJson(boolean healthy, Revision active, Revision rejected, List<String> problems, List<String> warnings,
                   String sourceError, Instant checkedAt) {

    record Revision(String sha, String author, String subject, Instant committedAt) {

        static Revision of(ContentRevision r) {
            return r == null ? null : new Revision(r.sha(), r.author(), r.subject(), r.committedAt());
        }
    }

    static ContentJson of(ContentStatus status) {
        return new ContentJson(status.healthy(), Revision.of(status.active()), Revision.of(status.rejected()),
                status.problems().stream().map(SpecProblem::format).toList(), status.warnings().stream().map(SpecProblem::format).toList(),
                status.sourceError(), status.checkedAt());
    }
}
