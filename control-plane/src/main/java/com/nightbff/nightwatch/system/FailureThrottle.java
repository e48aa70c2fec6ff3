package com.nightbff.nightwatch.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows credential guessing, for console logins and API tokens alike: after {@code limit} failures
 * from one client address within {@code window}, that address is refused until its oldest failure
 * leaves the window. A success clears nothing: if it did, anyone holding one valid account could sign
 * in with it between guesses and try another account's password without limit. Memory stays bounded
 * whatever an attacker sends: at most {@code maxClients} addresses are remembered, the least recently
 * failing forgotten first.
 */
public class FailureThrottle {

    /**
     * A refused attempt: the whole seconds to send as {@code Retry-After} (at least 1), and whether it is
     * the first refusal of this block, the one worth an audit entry (the rest would only let a refused
     * client fill the audit log).
     */
    public record Refusal(long retryAfterSeconds, boolean first) {
    }

    private final int limit;
    private final Duration window;
    private final int maxClients;
    private final Clock clock;
    private final LinkedHashMap<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true);

    public FailureThrottle(int limit, Duration window, int maxClients, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("limit and maxClients must be positive and the window longer than zero");
        }
        this.limit = limit;
        this.window = window;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Refuses the client while it is blocked; empty when it may try. */
    public synchronized Optional<Refusal> refusal(String client) {
        Failures record = failures.get(client);
        Optional<Instant> until = blockedUntil(record);
        if (until.isEmpty()) {
            return Optional.empty();
        }
        boolean first = !until.get().equals(record.reportedUntil);
        record.reportedUntil = until.get();
        long seconds = Math.max(1, Duration.between(clock.instant(), until.get()).toSeconds());
        return Optional.of(new Refusal(seconds, first));
    }

    /** How long the client must still wait, or empty when it may try. */
    public synchronized Optional<Duration> blockedFor(String client) {
        return blockedUntil(failures.get(client)).map(until -> Duration.between(clock.instant(), until));
    }

    public synchronized void failed(String client) {
        Instant now = clock.instant();
        ArrayDeque<Instant> times = failures.computeIfAbsent(client, k -> new Failures()).times;
        expire(times, now);
        times.addLast(now);
        while (times.size() > limit) {
            times.pollFirst();
        }
        if (failures.size() > maxClients) {
            Iterator<Map.Entry<String, Failures>> eldest = failures.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    private Optional<Instant> blockedUntil(Failures record) {
        if (record == null) {
            return Optional.empty();
        }
        expire(record.times, clock.instant());
        if (record.times.size() < limit) {
            return Optional.empty();
        }
        return Optional.of(record.times.peekFirst().plus(window));
    }

    private void expire(ArrayDeque<Instant> times, Instant now) {
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.pollFirst();
        }
    }

    /** One address's recent failures, and the end of the block whose first refusal was already reported. */
    private static final class Failures {
        private final ArrayDeque<Instant> times = new ArrayDeque<>();
        private Instant reportedUntil;
    }
}
