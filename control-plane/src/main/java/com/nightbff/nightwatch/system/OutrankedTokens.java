package com.nightbff.nightwatch.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Revokes live API tokens whose role their owner (the user who minted them) no longer holds. A token
 * acts with the role it was minted with, not its owner's current one, so without this a demoted
 * admin's ADMIN token would keep admin rights through every restart. Roles nest: a VIEWER token of
 * someone who is still an OPERATOR stays.
 */
final class OutrankedTokens {

    static final String REASON = "owner's roles changed";
    private static final Logger LOG = LoggerFactory.getLogger(OutrankedTokens.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;

    OutrankedTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private record Owned(long id, String name, String role, String owner, List<String> ownerRoles) {
    }

    /** Revokes and audits each live token that outranks its owner; returns how many. */
    int revoke(Instant now) {
        // Tokens whose creator is not a user (removed users' are revoked with them) have no owner's roles to compare with.
        List<Owned> live = jdbc.sql("SELECT t.id, t.name, t.role, u.username, u.roles FROM api_token t"
                        + " JOIN app_user u ON u.username = t.created_by"
                        + " WHERE t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?) ORDER BY t.id")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Owned(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Roles.fromAuthorities(rs.getString(5))))
                .list();
        int revoked = 0;
        for (Owned token : live) {
            if (Roles.covers(token.ownerRoles(), token.role())) {
                continue;
            }
            int rows = jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = 'system' WHERE id = ? AND revoked_at IS NULL")
                    .params(Timestamp.from(now), token.id()).update();
            if (rows == 1) {
                revoked++;
                String detail = "id=" + token.id() + " role=" + token.role() + ": " + REASON + " (" + token.owner() + " now has "
                        + String.join(",", token.ownerRoles()) + ")";
                LOG.warn("revoked API token '{}': {}", token.name(), detail);
                audit.record("system", "token.revoke", token.name(), "ok", detail);
            }
        }
        return revoked;
    }
}
