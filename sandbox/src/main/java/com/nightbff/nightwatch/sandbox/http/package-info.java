/**
 * The small HTTP layer every sandbox server shares: a JDK HttpServer that can be closed and reopened on
 * the same port (to simulate an unexposed port), exact-path routing, NestJS-shaped JSON errors, and the
 * per-request hooks (faults, metrics) that make the stand-in look like NightBFF from the outside.
 */
package com.nightbff.nightwatch.sandbox.http;
