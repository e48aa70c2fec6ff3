package com.nightbff.nightwatch.api;

import com.nightbff.nightwatch.system.AuditLog;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Real {@link ApiTokens} over a test's own database, for tests outside this package that run without a
 * Spring context (users' start logic, say) and need to mint tokens and see whether the API would take them.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static ApiTokens over(DataSource dataSource, AuditLog audit) {
        return new ApiTokens(JdbcClient.create(dataSource), audit, Clock.systemUTC(), new DataSourceTransactionManager(dataSource));
    }

    /** Why the API would refuse {@code value} (every refusal is a 401 there, see BearerTokenFilter), or null when it takes it. */
    public static String refusal(ApiTokens tokens, String value) {
        ApiTokens.Check check = tokens.check(value);
        return check.refusal() == null ? null : check.refusal().name();
    }
}
