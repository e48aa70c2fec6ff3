package com.nightbff.nightwatch.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.embeddedpg.EmbeddedPostgres;
import com.nightbff.nightwatch.sandbox.load.SessionCapacity;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pool-budget incident scaled down to a server of 30 connections (8 pools of 10 against 8 of 3), so
 * it runs on any machine that can fork 30 backends, including ones whose process limits keep
 * {@link PoolLoadIT}'s full-size server from reaching 100 sessions.
 */
class PoolBudgetIT {

    private static final PoolScenario SCALED = new PoolScenario(30, 10, 3, 6);

    private static EmbeddedPostgres pg;

    @BeforeAll
    static void startDatabase() {
        pg = SCALED.startDatabase("pool-budget-pg");
    }

    @AfterAll
    static void stopDatabase() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void overBudgetPoolsAreRefusedAndPoolsThatFitAreNot() throws Exception {
        assertThat(SessionCapacity.shortfall(pg.jdbcUrl("nightbff"), SCALED.maxConnections() - 2)).isEmpty();
        SCALED.assertOverBudget(SCALED.run(pg, SCALED.overPool(), Duration.ofSeconds(10)));
        SCALED.assertFits(SCALED.run(pg, SCALED.fitPool(), Duration.ofSeconds(6)));
    }
}
