package com.nightbff.nightwatch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nightbff.nightwatch.api.ApiTokens;
import com.nightbff.nightwatch.api.TestTokens;
import com.nightbff.nightwatch.testsupport.LocalPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Users across restarts: each {@link #start} runs the accounts' start logic again on the same
 * database, as a restart with a changed configuration would. Whoever the configuration no longer
 * names, the bootstrap admin included once users are configured, no longer signs in.
 */
@ExtendWith(OutputCaptureExtension.class)
class UserAccountsIT {

    private static final String DB = LocalPostgres.createDatabase("nw_it_users");
    private static final String ADMIN_PASSWORD = "bootstrap-admin-password";
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    private static JdbcClient jdbc;
    private static ApiTokens tokens;

    @BeforeAll
    static void migrate() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), DB, LocalPostgres.USER,
                LocalPostgres.PASSWORD);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        tokens = TestTokens.over(dataSource, new AuditLog(jdbc, Clock.systemUTC()));
    }

    @AfterAll
    static void dropDatabase() {
        LocalPostgres.dropDatabase(DB);
    }

    @BeforeEach
    void noUsersYet() {
        jdbc.sql("TRUNCATE app_user, audit_event, api_token").update();
    }

    @Test
    void theBootstrapAdminNoLongerSignsInOnceUsersAreConfigured(CapturedOutput output) {
        UserAccounts first = start(ADMIN_PASSWORD);
        assertThat(signsIn(first, "admin", ADMIN_PASSWORD)).isTrue();

        UserAccounts second = start(ADMIN_PASSWORD, user("root", "root-password-1", "ADMIN"));
        assertThat(signsIn(second, "admin", ADMIN_PASSWORD)).as("the old bootstrap password").isFalse();
        assertThat(signsIn(second, "root", "root-password-1")).isTrue();
        assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list()).containsExactly("root");
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'user.removed' AND target = 'admin' AND actor = 'system'")
                .query(String.class).list()).containsExactly("source=bootstrap: users are configured now; tokens revoked: 0");
        assertThat(output.getAll()).contains("removed console user 'admin' (source bootstrap)").doesNotContain(ADMIN_PASSWORD);
    }

    @Test
    void aUserTakenOutOfConfigurationNoLongerSignsIn() {
        start("", user("root", "root-password-1", "ADMIN"), user("vera", "vera-password-1", "VIEWER"));
        jdbc.sql("INSERT INTO api_token (name, token_prefix, token_hash, role, created_by, created_at) VALUES"
                + " ('vera-ci', 'nwt_aaaa', 'h1', 'VIEWER', 'vera', now()), ('root-ci', 'nwt_bbbb', 'h2', 'ADMIN', 'root', now())")
                .update();

        UserAccounts restarted = start("", user("root", "root-password-1", "ADMIN"));
        assertThat(jdbc.sql("SELECT name FROM api_token WHERE revoked_at IS NULL").query(String.class).list())
                .as("a removed user's tokens go with them").containsExactly("root-ci");
        assertThat(jdbc.sql("SELECT revoked_by FROM api_token WHERE name = 'vera-ci'").query(String.class).single()).isEqualTo("system");
        assertThat(signsIn(restarted, "vera", "vera-password-1")).isFalse();
        assertThat(signsIn(restarted, "root", "root-password-1")).isTrue();
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE action = 'user.removed' AND target = 'vera'").query(String.class).list())
                .containsExactly("source=config: no longer in nightwatch.security.users; tokens revoked: 1");

        UserAccounts unconfigured = start(ADMIN_PASSWORD);
        assertThat(signsIn(unconfigured, "root", "root-password-1")).as("with nobody configured, nobody configured stays").isFalse();
        assertThat(signsIn(unconfigured, "admin", ADMIN_PASSWORD)).isTrue();
    }

    @Test
    void aDemotedUsersTokensAboveTheirNewRoleAreRevokedTheRestKeepWorking(CapturedOutput output) {
        start("", user("root", "root-password-1", "ADMIN"), user("alice", "alice-password-1", "ADMIN"));
        String admin = tokens.create("alice-admin", "ADMIN", null, "alice").value();
        String operator = tokens.create("alice-operator", "OPERATOR", null, "alice").value();
        String viewer = tokens.create("alice-viewer", "VIEWER", null, "alice").value();
        String rootAdmin = tokens.create("root-admin", "ADMIN", null, "root").value();
        String unowned = tokens.create("unowned-admin", "ADMIN", null, "someone-else").value();
        assertThat(TestTokens.refusal(tokens, admin)).isNull();

        UserAccounts restarted = start("", user("root", "root-password-1", "ADMIN"), user("alice", "alice-password-1", "VIEWER"));
        assertThat(signsIn(restarted, "alice", "alice-password-1")).as("demoted, not removed").isTrue();
        assertThat(TestTokens.refusal(tokens, admin)).as("the API answers 401 to a revoked token").isEqualTo("REVOKED");
        assertThat(TestTokens.refusal(tokens, operator)).isEqualTo("REVOKED");
        assertThat(TestTokens.refusal(tokens, viewer)).as("alice is still a VIEWER").isNull();
        assertThat(TestTokens.refusal(tokens, rootAdmin)).isNull();
        assertThat(TestTokens.refusal(tokens, unowned)).as("no owner among the users: nothing to compare with").isNull();
        assertThat(jdbc.sql("SELECT name FROM api_token WHERE revoked_by = 'system' ORDER BY name").query(String.class).list())
                .containsExactly("alice-admin", "alice-operator");
        assertThat(jdbc.sql("SELECT target || ' ' || detail FROM audit_event WHERE action = 'token.revoke' AND actor = 'system'"
                + " ORDER BY id").query(String.class).list())
                .hasSize(2)
                .allSatisfy(d -> assertThat(d).contains(": owner's roles changed (alice now has VIEWER)"))
                .anySatisfy(d -> assertThat(d).startsWith("alice-admin id=").contains("role=ADMIN"))
                .anySatisfy(d -> assertThat(d).startsWith("alice-operator id=").contains("role=OPERATOR"));
        assertThat(output.getAll()).contains("revoked API token 'alice-admin'").doesNotContain(admin);

        start("", user("root", "root-password-1", "ADMIN"), user("alice", "alice-password-1", "VIEWER"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'token.revoke'").query(Long.class).single())
                .as("a later start with the same roles revokes nothing more").isEqualTo(2);
    }

    @Test
    void aShortAdminPasswordRefusesToStartWithoutSayingIt() {
        String elevenCharacters = "short-pw-11";
        assertThatThrownBy(() -> start(elevenCharacters))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NIGHTWATCH_ADMIN_PASSWORD is shorter than 12 characters")
                .hasMessageNotContaining(elevenCharacters);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isZero();

        assertThat(signsIn(start("twelve-chars"), "admin", "twelve-chars")).isTrue();
        assertThat(signsIn(start("short", user("root", "root-password-1", "ADMIN")), "root", "root-password-1"))
                .as("ignored, and not checked, while users are configured").isTrue();
    }

    private static UserAccounts start(String adminPassword, NightwatchProperties.User... users) {
        NightwatchProperties props = new NightwatchProperties(".nightwatch", null,
                new NightwatchProperties.Security(Arrays.asList(users), 10, Duration.ofMinutes(5)));
        MockEnvironment env = new MockEnvironment().withProperty(UserAccounts.ADMIN_PASSWORD_ENV, adminPassword);
        UserAccounts accounts = new UserAccounts(jdbc, BCRYPT, props, env, new AuditLog(jdbc, Clock.systemUTC()));
        accounts.run(new DefaultApplicationArguments());
        return accounts;
    }

    private static NightwatchProperties.User user(String name, String password, String role) {
        return new NightwatchProperties.User(name, BCRYPT.encode(password), List.of(role));
    }

    private static boolean signsIn(UserAccounts accounts, String username, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(BCRYPT);
        try {
            return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password)).isAuthenticated();
        } catch (AuthenticationException e) {
            return false;
        }
    }
}
