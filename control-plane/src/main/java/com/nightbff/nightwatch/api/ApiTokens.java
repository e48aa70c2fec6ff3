package com.nightbff.nightwatch.api;

import com.nightbff.nightwatch.system.AuditLog;
import com.nightbff.nightwatch.system.Roles;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, lists, revokes and checks API tokens. Every change is audited with the admin who made
 * it; the value is returned once from {@link #create} and from then on only its hash exists.
 */
@Component
public class ApiTokens {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MAX_EXPIRY_DAYS = 3650;
    /** last_used_at is a hint for admins, not an access log: one write per token per minute is plenty. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final String COLUMNS = "id, name, token_prefix, role, created_by, created_at, expires_at, last_used_at, revoked_at, "
            + "revoked_by";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A new token and its value, which the caller must show once and then forget. */
    public record Created(ApiToken token, String value) {
        @Override
        public String toString() {
            return "Created[" + token + "]";
        }
    }

    /** Why a presented value was refused; the codes go to the audit log. */
    enum Refusal { NOT_BEARER, MALFORMED, UNKNOWN, REVOKED, EXPIRED }

    /** The outcome of checking a presented value: a caller, or a refusal (with the token when one matched). */
    record Check(ApiCaller caller, Refusal refusal, ApiToken token) {
    }

    /**
     * Creates a token for {@code role}, expiring after {@code expiresInDays} (null: never).
     *
     * @throws IllegalArgumentException when the name, role or expiry is invalid or the name is taken
     */
    public Created create(String name, String role, Integer expiresInDays, String actor) {
        String problem = invalid(name, role, expiresInDays);
        if (problem != null) {
            audit.record(actor, "token.create", String.valueOf(name), "invalid", problem);
            throw new IllegalArgumentException(problem);
        }
        Instant now = clock.instant();
        Instant expires = expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays));
        String value = TokenValues.generate(random);
        long id;
        try {
            // One transaction: the expired namesake is revoked only if the new token is stored, and a concurrent create
            // of the same name waits on the revocation's row lock, then hits the unique index and is refused.
            id = tx.execute(status -> {
                revokeExpiredNamesake(name, now, actor);
                return jdbc.sql("INSERT INTO api_token (name, token_prefix, token_hash, role, created_by, created_at, expires_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
                        .params(name, TokenValues.displayPrefix(value), TokenValues.hash(value), role, actor, Timestamp.from(now),
                                expires == null ? null : Timestamp.from(expires))
                        .query(Long.class).single();
            });
        } catch (DuplicateKeyException e) {
            // Audited after the rollback: the failed insert has aborted the transaction, so nothing more can be written in it.
            audit.record(actor, "token.create", name, "invalid", "name in use");
            throw new IllegalArgumentException("a live token is already named '" + name + "'; revoke it or choose another name");
        }
        audit.record(actor, "token.create", name, "ok", "id=" + id + " role=" + role + " expires=" + (expires == null ? "never" : expires));
        return new Created(find(id).orElseThrow(), value);
    }

    /**
     * An expired token can never be used again but, unrevoked, would still hold its name in the unique index of live
     * names; revoking it (audited like any revocation) frees the name. An unexpired namesake is left alone and blocks.
     */
    private void revokeExpiredNamesake(String name, Instant now, String actor) {
        List<Long> ids = jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE name = ? AND revoked_at IS NULL"
                        + " AND expires_at <= ? RETURNING id")
                .params(Timestamp.from(now), actor, name, Timestamp.from(now)).query(Long.class).list();
        for (long id : ids) {
            audit.record(actor, "token.revoke", name, "ok", "id=" + id + ": expired; its name is reused by a new token");
        }
    }

    public List<ApiToken> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC")
                .query(ApiTokens::row).list();
    }

    public Optional<ApiToken> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = ?").param(id).query(ApiTokens::row).optional();
    }

    /** Revokes a token at once; returns false when there is no such live token. */
    public boolean revoke(long id, String actor) {
        int rows = jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), actor, id).update();
        String name = find(id).map(ApiToken::name).orElse("id=" + id);
        audit.record(actor, "token.revoke", name, rows == 1 ? "ok" : "not_found", "id=" + id);
        return rows == 1;
    }

    /** Checks a presented value. Lookup is by hash, so timing reveals nothing about stored values. */
    Check check(String value) {
        if (!TokenValues.wellFormed(value)) {
            return new Check(null, Refusal.MALFORMED, null);
        }
        // The lookup is an equality match on the hash itself, so no further comparison is needed.
        Optional<ApiToken> stored = jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ?").param(TokenValues.hash(value))
                .query(ApiTokens::row).optional();
        if (stored.isEmpty()) {
            return new Check(null, Refusal.UNKNOWN, null);
        }
        ApiToken token = stored.get();
        Instant now = clock.instant();
        if (token.revoked()) {
            return new Check(null, Refusal.REVOKED, token);
        }
        if (token.expired(now)) {
            return new Check(null, Refusal.EXPIRED, token);
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(Timestamp.from(now), token.id()).update();
        }
        return new Check(new ApiCaller(token.id(), token.name(), token.role()), null, token);
    }

    static String invalid(String name, String role, Integer expiresInDays) {
        if (name == null || !NAME.matcher(name).matches()) {
            return "the name must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";
        }
        if (role == null || !Roles.ALL.contains(role)) {
            return "the role must be one of VIEWER, OPERATOR, ADMIN";
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS)) {
            return "the expiry must be between 1 and " + MAX_EXPIRY_DAYS + " days, or empty for none";
        }
        return null;
    }

    private static ApiToken row(ResultSet rs, int n) throws SQLException {
        return new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6),
                instant(rs, 7), instant(rs, 8), instant(rs, 9), rs.getString(10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
