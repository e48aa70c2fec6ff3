package com.nightbff.nightwatch.ledger;

import java.time.Instant;
import java.util.List;

/**
 * One recorded change: its kind (e.g. config_commit), a reference (a commit SHA), who and what, and when
 * it took effect. A config commit is recorded at each activation of its revision: {@code activation} says
 * whether that was the revision's first, a rollback to an earlier revision or a roll forward to one active
 * before, and {@code previousRef} which revision it replaced; both are null for other kinds.
 */
public record ChangeEvent(long id, String kind, String ref, String author, String summary, List<String> files, String activation,
                          String previousRef, Instant occurredAt, Instant recordedAt) {

    public static final String CONFIG_COMMIT = "config_commit";

    /** The revision became active for the first time. */
    public static final String FIRST = "first";
    /** Back to a revision first active before the one it replaced (a git reset or force-push to an earlier commit). */
    public static final String ROLLBACK = "rollback";
    /** To a revision active before, but after the one it replaced: moving forward again after a rollback. */
    public static final String ROLL_FORWARD = "roll_forward";
}
