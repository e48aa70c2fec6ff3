package com.nightbff.nightwatch.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anAddressIsRefusedAfterTheLimitUntilItsOldestFailureLeavesTheWindow() {
        ManualClock clock = new ManualClock();
        FailureThrottle throttle = new FailureThrottle(3, Duration.ofMinutes(5), 100, clock);

        throttle.failed("a");
        clock.now = clock.now.plusSeconds(60);
        throttle.failed("a");
        throttle.failed("a");
        assertThat(throttle.blockedFor("a")).contains(Duration.ofMinutes(4));
        assertThat(throttle.blockedFor("b")).as("other addresses are not affected").isEmpty();

        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(throttle.blockedFor("a")).as("the first failure left the window").isEmpty();
        throttle.failed("a");
        assertThat(throttle.blockedFor("a")).contains(Duration.ofMinutes(1));
    }

    @Test
    void failuresBelowTheLimitDoNotBlock() {
        FailureThrottle throttle = new FailureThrottle(3, Duration.ofMinutes(5), 100, new ManualClock());
        throttle.failed("a");
        throttle.failed("a");
        assertThat(throttle.blockedFor("a")).isEmpty();
        assertThat(throttle.refusal("a")).isEmpty();
    }

    @Test
    void onlyTheFirstRefusalOfABlockIsMarkedFirstAndANewBlockIsFirstAgain() {
        ManualClock clock = new ManualClock();
        FailureThrottle throttle = new FailureThrottle(2, Duration.ofMinutes(5), 100, clock);
        throttle.failed("a");
        throttle.failed("a");

        assertThat(throttle.refusal("a")).contains(new FailureThrottle.Refusal(300, true));
        clock.now = clock.now.plusSeconds(100);
        assertThat(throttle.refusal("a")).contains(new FailureThrottle.Refusal(200, false));
        assertThat(throttle.refusal("a")).contains(new FailureThrottle.Refusal(200, false));

        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(throttle.refusal("a")).as("the window passed").isEmpty();
        throttle.failed("a");
        throttle.failed("a");
        assertThat(throttle.refusal("a")).contains(new FailureThrottle.Refusal(300, true));
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlyFailingAddress() {
        FailureThrottle throttle = new FailureThrottle(1, Duration.ofMinutes(5), 2, new ManualClock());
        throttle.failed("a");
        throttle.failed("b");
        throttle.failed("c");
        assertThat(throttle.blockedFor("a")).as("forgotten").isEmpty();
        assertThat(throttle.blockedFor("b")).isPresent();
        assertThat(throttle.blockedFor("c")).isPresent();
        assertThatThrownBy(() -> new FailureThrottle(0, Duration.ofMinutes(1), 1, new ManualClock()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
