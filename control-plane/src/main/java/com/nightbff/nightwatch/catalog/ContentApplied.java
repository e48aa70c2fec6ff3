package com.nightbff.nightwatch.catalog;

import java.util.List;

/**
 * A revision passed validation and is now the active snapshot. {@code resumed} is true when a restart
 * picked up the revision the cluster had already applied: features take it like any other, and those
 * that record history (the ledger) keep their first record of it. Its {@code filesChanged} is empty.
 */
public record ContentApplied(ContentRevision revision, String previousSha, List<String> filesChanged, ContentSnapshot snapshot,
                             boolean resumed) {
}
