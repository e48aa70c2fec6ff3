package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.spec.SpecProblem;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Remembers which revisions were applied or rejected, so a restart resumes from the last good one. */
@Component
class ContentRevisionStore {

    private final JdbcClient jdbc;

    ContentRevisionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void applied(ContentRevision revision, Instant at) {
        save(revision, "applied", List.of(), at);
    }

    /**
     * Records a rejection, except of a revision the cluster applied: a replica whose newer rules reject it
     * shows why, but older replicas still run it and a restart must still find it.
     */
    void rejected(ContentRevision revision, List<SpecProblem> problems, Instant at) {
        save(revision, "rejected", problems.stream().map(SpecProblem::format).toList(), at);
    }

    Optional<String> lastApplied() {
        return jdbc.sql("SELECT sha FROM content_revision WHERE status = 'applied' ORDER BY evaluated_at DESC LIMIT 1")
                .query(String.class).optional();
    }

    private void save(ContentRevision revision, String status, List<String> problems, Instant at) {
        jdbc.sql("""
                INSERT INTO content_revision (sha, status, author, message, committed_at, evaluated_at, problems)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sha) DO UPDATE SET status = EXCLUDED.status, evaluated_at = EXCLUDED.evaluated_at,
                    problems = EXCLUDED.problems
                WHERE content_revision.status <> 'applied' OR EXCLUDED.status = 'applied'""")
                .params(revision.sha(), status, revision.author(), revision.message(),
                        revision.committedAt() == null ? null : Timestamp.from(revision.committedAt()),
                        Timestamp.from(at), String.join("\n", problems))
                .update();
    }
}
