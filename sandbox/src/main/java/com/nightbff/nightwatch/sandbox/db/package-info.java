/**
 * NightBFF's database as the services see it: one HikariCP pool per service (sized from its env file,
 * growing on demand, named after the service in pg_stat_activity) and the seeded schema behind the
 * journeys. Pools fail a request as soon as PostgreSQL refuses a new connection, as node-postgres does,
 * so over-budget pools surface as 53300 errors instead of being smoothed over by queueing.
 */
package com.nightbff.nightwatch.sandbox.db;
