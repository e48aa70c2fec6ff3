/**
 * The content Nightwatch runs on: discovering the files of a revision, validating the whole bundle
 * through the {@link com.nightbff.nightwatch.catalog.ContentModule}s (each feature plugs its own in),
 * and keeping the last good snapshot active while a broken revision is rejected in plain sight.
 * Problems of the environment rather than the content (a secret not set) reject a new revision but
 * only warn about the one the cluster already runs, so a restart never switches monitoring off for them.
 * The fleet model lives here because every feature reads it.
 */
package com.nightbff.nightwatch.catalog;
