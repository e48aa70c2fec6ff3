package com.nightbff.nightwatch.probes.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Whether the job store answers, from checks run on a thread of their own: a check may block (a pool
 * waiting for a connection), and the caller's timer must not. Each poll reads the outcome of the check
 * started by the one before and starts the next; a check still running after {@code hungAfter} reads as
 * unreachable on every poll until it ends, without a second one piling up behind it. A check that is
 * merely slow (a busy pool, below {@code hungAfter}) reads as nothing yet, not as an outage.
 */
final class StoreWatch implements AutoCloseable {

    enum State { REACHABLE, UNREACHABLE, PENDING }

    private final Callable<Boolean> check;
    private final long hungAfterNanos;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "probe-store-check");
        t.setDaemon(true);
        return t;
    });
    private Future<Boolean> pending;
    private long pendingSince;

    StoreWatch(Callable<Boolean> check, Duration hungAfter) {
        this.check = check;
        this.hungAfterNanos = hungAfter.toNanos();
    }

    /** Called from one thread only. */
    State poll() {
        long now = System.nanoTime();
        State state = State.PENDING;
        if (pending != null) {
            if (!pending.isDone()) {
                return now - pendingSince >= hungAfterNanos ? State.UNREACHABLE : State.PENDING;
            }
            state = outcomeOf(pending) ? State.REACHABLE : State.UNREACHABLE;
        }
        pending = checker.submit(check);
        pendingSince = now;
        return state;
    }

    private static boolean outcomeOf(Future<Boolean> done) {
        try {
            return Boolean.TRUE.equals(done.get());
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
