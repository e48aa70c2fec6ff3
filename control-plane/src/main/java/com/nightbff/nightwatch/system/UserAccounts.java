package com.nightbff.nightwatch.system;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Console users, stored hashed in the database. There are no built-in credentials: configured
 * users (bcrypt hashes) are written at start; with none configured, one {@code admin} is created
 * with the password from {@code NIGHTWATCH_ADMIN_PASSWORD} (at least 12 characters), or a generated
 * one printed once. The database keeps users across restarts, so at start every user the
 * configuration no longer names is removed, the bootstrap {@code admin} too once users are
 * configured: otherwise an old password would keep working after it was taken out of configuration.
 * For the same reason a user's API tokens go with them, and so does any token whose role its owner no
 * longer holds ({@link OutrankedTokens}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UserAccounts implements UserDetailsService, ApplicationRunner {

    static final String ADMIN_PASSWORD_ENV = "NIGHTWATCH_ADMIN_PASSWORD";
    private static final String CONFIG = "config";
    private static final String BOOTSTRAP = "bootstrap";
    private static final Logger LOG = LoggerFactory.getLogger(UserAccounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final NightwatchProperties props;
    private final Environment env;
    private final AuditLog audit;

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, NightwatchProperties props, Environment env, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.props = props;
        this.env = env;
        this.audit = audit;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        try {
            return jdbc.sql("SELECT username, password_hash, roles FROM app_user WHERE username = ?").param(username)
                    .query((rs, n) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                            .authorities(AuthorityUtils.commaSeparatedStringToAuthorityList(rs.getString(3))).build())
                    .single();
        } catch (EmptyResultDataAccessException e) {
            throw new UsernameNotFoundException("no such user");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        List<NightwatchProperties.User> configured = props.security().users();
        // Only read when nobody is configured: then it is the one way in, so it must not be guessable.
        String adminPassword = configured.isEmpty() ? adminPasswordFromEnv() : "";
        for (NightwatchProperties.User user : configured) {
            upsertConfigured(user);
        }
        removeUnconfigured(configured);
        if (configured.isEmpty()) {
            bootstrapAdmin(adminPassword);
        }
        // After every user is saved: a demoted user's tokens must not keep the rights the configuration took away.
        new OutrankedTokens(jdbc, audit).revoke(Instant.now());
    }

    /** The admin password from the environment, blank when none is set; refuses a short one before anything is written. */
    private String adminPasswordFromEnv() {
        String password = env.getProperty(ADMIN_PASSWORD_ENV, "");
        if (!password.isBlank() && Passwords.length(password) < Passwords.MIN_LENGTH) {
            // Never echo the value: start-up errors end up in logs and CI output.
            throw new IllegalStateException(ADMIN_PASSWORD_ENV + " is shorter than " + Passwords.MIN_LENGTH
                    + " characters; set a longer password, or unset it to have one generated and printed once");
        }
        return password;
    }

    private void removeUnconfigured(List<NightwatchProperties.User> configured) {
        Set<String> names = configured.stream().map(NightwatchProperties.User::username).collect(Collectors.toSet());
        List<Map<String, Object>> stored = jdbc.sql("SELECT username, source FROM app_user WHERE source IN (?, ?) ORDER BY username")
                .params(CONFIG, BOOTSTRAP).query().listOfRows();
        for (Map<String, Object> row : stored) {
            String username = (String) row.get("username");
            String source = (String) row.get("source");
            // The bootstrap admin only stands in while nobody is configured.
            boolean stale = CONFIG.equals(source) || !configured.isEmpty();
            if (stale && !names.contains(username)) {
                jdbc.sql("DELETE FROM app_user WHERE username = ? AND source = ?").params(username, source).update();
                // Tokens minted by a removed user carry their authority; they go with the user.
                int revoked = jdbc.sql("UPDATE api_token SET revoked_at = now(), revoked_by = 'system' WHERE created_by = ?"
                        + " AND revoked_at IS NULL").param(username).update();
                String why = CONFIG.equals(source) ? "no longer in nightwatch.security.users" : "users are configured now";
                LOG.warn("removed console user '{}' (source {}): {}; {} API token(s) they created revoked", username, source, why, revoked);
                audit.record("system", "user.removed", username, "ok", "source=" + source + ": " + why + "; tokens revoked: " + revoked);
            }
        }
    }

    private void upsertConfigured(NightwatchProperties.User user) {
        if (user.username() == null || user.passwordHash() == null || !user.passwordHash().matches("^\\$2[aby]?\\$\\d\\d\\$.{53}$")) {
            throw new IllegalStateException("nightwatch.security.users entry " + user.username()
                    + " needs a username and a bcrypt password-hash (make one with `./nightwatch hash-password`)");
        }
        List<String> roles = user.roles() == null || user.roles().isEmpty() ? List.of(Roles.VIEWER) : user.roles();
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalStateException("unknown role " + role + " for user " + user.username() + ": use " + Roles.ALL);
            }
        }
        save(user.username(), user.passwordHash(), roles, CONFIG);
    }

    private void bootstrapAdmin(String fromEnv) {
        boolean exists = jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'admin'").query(Long.class).single() > 0;
        if (!fromEnv.isBlank()) {
            save("admin", encoder.encode(fromEnv), List.of(Roles.ADMIN), BOOTSTRAP);
            LOG.info("user 'admin' uses the password from {}", ADMIN_PASSWORD_ENV);
        } else if (!exists) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            save("admin", encoder.encode(password), List.of(Roles.ADMIN), BOOTSTRAP);
            LOG.warn("\n\n    Generated password for the console user 'admin': {}\n    It is shown this once. Set {} to choose"
                    + " your own, or configure nightwatch.security.users.\n", password, ADMIN_PASSWORD_ENV);
        }
    }

    private void save(String username, String hash, List<String> roles, String source) {
        String authorities = Roles.toAuthorities(roles);
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, roles, source) VALUES (?, ?, ?, ?)
                ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles,
                    source = EXCLUDED.source""")
                .params(username, hash, authorities, source).update();
        audit.record("system", "user.provisioned", username, "ok", "source=" + source + " roles=" + roles);
    }
}
