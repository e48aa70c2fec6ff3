package com.nightbff.nightwatch.ledger;

import java.time.Instant;
import java.util.List;

/** One recorded change: its kind (e.g. config_commit), a reference (a commit SHA), who and what. */
public record ChangeEvent(long id, String kind, String ref, String author, String summary, List<String> files,
                          Instant occurredAt, Instant recordedAt) {

    public static final String CONFIG_COMMIT = "config_commit";
}
