package com.nightbff.nightwatch.api;

import java.time.Instant;

/**
 * What is known about a token after its creation: everything except its value.
 *
 * @param prefix the first characters of the value, for telling tokens apart (not a secret)
 */
public record ApiToken(long id, String name, String prefix, String role, String createdBy, Instant createdAt, Instant expiresAt,
                       Instant lastUsedAt, Instant revokedAt, String revokedBy) {

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public boolean usable(Instant now) {
        return !revoked() && !expired(now);
    }
}
