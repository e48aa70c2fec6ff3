package com.nightbff.nightwatch.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/** Waits for a condition, polled every 100 ms; the test fails when it does not hold within {@code max}. */
public final class Awaits {

    private Awaits() {
    }

    public static void within(BooleanSupplier condition, Duration max) {
        Awaitility.await("condition within " + max).atMost(max.isNegative() ? Duration.ofMillis(1) : max).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
