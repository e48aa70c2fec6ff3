/**
 * The user journeys Nightwatch probes, one class per service, each backed by real SQL on the seeded
 * data so that pool size, cache mode and the venue search strategy change latency and errors the way
 * they did in NightBFF. Response shapes follow NightBFF's (camelCase JSON, NestJS errors).
 */
package com.nightbff.nightwatch.sandbox.journeys;
