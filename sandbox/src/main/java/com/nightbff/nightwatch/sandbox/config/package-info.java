/**
 * The services' env files ({@code deploy/<service>.env}), read at start and watched afterwards, so a
 * committed change to DB_POOL_SIZE or a sandbox setting takes effect live and can be reverted the same
 * way, which is what makes Nightwatch's pool plans and rollbacks observable against the sandbox.
 */
package com.nightbff.nightwatch.sandbox.config;
