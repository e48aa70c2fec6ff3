/**
 * The REST API for CI and scripts under {@code /api/v1}: content status and poll-now, probes and
 * run-now, the change ledger. Callers authenticate with API tokens (bearer only, no session, no
 * cookie), which admins create in the console; a token's value exists only in the creator's hands
 * and as a hash here. Controllers map feature APIs to JSON and hold no business logic.
 */
package com.nightbff.nightwatch.api;
