/**
 * Runs real PostgreSQL binaries (zonky's Maven packaging of the official builds) from a data folder,
 * so the zero-config run and the tests need no database installed. PostgreSQL refuses to run as
 * root, and CI and these machines run as root, so when started as root the server is run as an
 * unprivileged user through {@code setpriv}.
 */
package com.nightbff.nightwatch.embeddedpg;
