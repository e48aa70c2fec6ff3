/**
 * The only place that talks to git (JGit): opening or cloning the content repository, fetching,
 * reading a revision's files straight from the object database, listing what a commit changed,
 * and seeding the zero-config repository. Writes (commits, reverts, pushes) go through one lock,
 * so two actions never race on the same working tree.
 */
package com.nightbff.nightwatch.gitops;
