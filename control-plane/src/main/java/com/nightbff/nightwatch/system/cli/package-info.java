/**
 * The {@code ./nightwatch} command line: {@code run} starts the server, the other subcommands do
 * one thing and exit with a status CI can act on (0 fine, 1 problems found, 2 bad usage). One-shot
 * commands avoid starting Spring, so a pre-commit hook answers in about a second.
 */
package com.nightbff.nightwatch.system.cli;
