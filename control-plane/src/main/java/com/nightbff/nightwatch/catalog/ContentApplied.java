package com.nightbff.nightwatch.catalog;

import java.util.List;

/**
 * A revision passed validation and is now the active snapshot. Features take it the same way whatever
 * its {@link Origin}; those that record history (the ledger) record a new activation only from the
 * replica that {@link Origin#APPLIED applied} it, since every other replica follows the same revision and
 * a restart resumes it. A resumed revision's {@code filesChanged} is empty.
 */
public record ContentApplied(ContentRevision revision, String previousSha, List<String> filesChanged, ContentSnapshot snapshot,
                             Origin origin) {

    /** How this replica came to run the revision. */
    public enum Origin {
        /** This replica evaluated the branch tip and made it the cluster's active revision. */
        APPLIED,
        /** Another replica applied it; this one loaded it to stay in step with the cluster. */
        FOLLOWED,
        /** A restart picked up the revision the cluster had already applied. */
        RESUMED
    }
}
