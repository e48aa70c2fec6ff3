/**
 * The interest service's Redis cache, with the modes that reproduce NightBFF's cache incidents: normal,
 * bypassed, and "wrapped" (values written under a different key and shape than reads look for, so Redis
 * answers PING while the hit rate stays at 0 %). Without Redis the service runs uncached and says so.
 */
package com.nightbff.nightwatch.sandbox.cache;
