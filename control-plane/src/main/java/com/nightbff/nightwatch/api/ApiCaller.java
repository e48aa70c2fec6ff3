package com.nightbff.nightwatch.api;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who an API request acts as. The name is {@code token:<name>} so an audit row can never be mistaken
 * for a console user's (an admin could otherwise name a token after a colleague).
 */
record ApiCaller(long tokenId, String tokenName, String role) implements AuthenticatedPrincipal {

    static final String ACTOR_PREFIX = "token:";

    @Override
    public String getName() {
        return ACTOR_PREFIX + tokenName;
    }
}
