/**
 * Turns content files (YAML, env files) into values that remember where they came from. Parsing
 * is strict and never stops at the first mistake: every problem is collected as a {@link
 * com.nightbff.nightwatch.spec.SpecProblem} naming file, line, column, field path, a stable code
 * and a hint, so a user fixes a whole bundle in one pass. Nothing here knows what the content means.
 */
package com.nightbff.nightwatch.spec;
