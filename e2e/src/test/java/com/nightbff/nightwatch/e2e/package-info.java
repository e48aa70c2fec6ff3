/**
 * End-to-end tests: the plane and the sandbox as separately started processes (the built jars,
 * as {@code ./nightwatch run} starts them), talking over real sockets, so what is tested is what
 * a user runs. The reactor builds this module last, after both jars.
 */
package com.nightbff.nightwatch.e2e;
