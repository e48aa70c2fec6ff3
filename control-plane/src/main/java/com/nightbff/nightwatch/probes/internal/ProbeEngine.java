package com.nightbff.nightwatch.probes.internal;

import com.nightbff.nightwatch.probes.Probe;
import com.nightbff.nightwatch.probes.ProbeResult;
import com.nightbff.nightwatch.probes.Reason;
import com.nightbff.nightwatch.probes.Prober;
import com.nightbff.nightwatch.probes.Probes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs probes on a bounded pool, off the scheduler's threads: a Quartz job only hands a run over
 * and returns, so a slow target never holds a trigger thread. A probe still running when its next
 * run is due is skipped (and counted), not queued behind itself; a full queue skips too.
 */
public class ProbeEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeEngine.class);

    private final Map<String, Prober> probers;
    private final Function<String, String> secrets;
    private final ProbeMetrics metrics;
    private final Consumer<ProbeResult> sink;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    /** The run in progress per probe: its mark, and what run-now waits on. */
    private final ConcurrentHashMap<String, CompletableFuture<ProbeResult>> running = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastPlanned = new ConcurrentHashMap<>();
    private volatile Probes probes = Probes.NONE;

    /** How secret names resolve to values for this engine's runs. */
    public Function<String, String> secrets() {
        return secrets;
    }

    public ProbeEngine(List<Prober> probers, Function<String, String> secrets, ProbeMetrics metrics, Consumer<ProbeResult> sink,
                       Clock clock, int concurrency, int queue) {
        this.probers = probers.stream().collect(Collectors.toMap(Prober::kind, p -> p));
        this.secrets = secrets;
        this.metrics = metrics;
        this.sink = sink;
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "probe-runner");
            t.setDaemon(true);
            return t;
        });
    }

    public void use(Probes current) {
        // A removed probe, or one whose interval changed (its trigger starts a new phase), has no last slot any more.
        lastPlanned.keySet().removeIf(name -> current.probe(name).map(Probe::interval)
                .filter(interval -> interval.equals(probes.probe(name).map(Probe::interval).orElse(null))).isEmpty());
        this.probes = current;
        metrics.retain(current.probes());
    }

    public Probes probes() {
        return probes;
    }

    /** The probe's run in progress, if any; it completes once the probe may run again. */
    public Optional<CompletableFuture<ProbeResult>> inFlight(String name) {
        return Optional.ofNullable(running.get(name));
    }

    /** Starts a run unless the probe is unknown, already running, or the pool is saturated. */
    public Optional<CompletableFuture<ProbeResult>> submit(String name, Instant plannedAt, String trigger) {
        Optional<Probe> probe = probes.probe(name);
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        CompletableFuture<ProbeResult> future = ProbeResult.MANUAL.equals(trigger) ? new OperatorRun() : new CompletableFuture<>();
        if (running.putIfAbsent(name, future) != null) {
            metrics.skipped(name, "still_running");
            return Optional.empty();
        }
        // Checked while holding the probe's running mark, so two schedulers offering one slot cannot both pass.
        boolean scheduled = ProbeResult.SCHEDULED.equals(trigger) && plannedAt != null;
        if (scheduled && alreadyRan(probe.get(), plannedAt)) {
            release(name, future, "already_ran");
            return Optional.empty();
        }
        Probes snapshot = probes;
        try {
            executor.execute(() -> {
                Instant started = clock.instant();
                ProbeResult result = null;
                try {
                    result = run(probe.get(), snapshot, plannedAt, trigger);
                } catch (RuntimeException | StackOverflowError e) {
                    // A crash is a failed run, recorded like any other, so the probe's last state is not a stale OK.
                    // Only the exception's type is logged: its message may quote a response or a secret.
                    LOG.error("probe {} crashed: {}", name, e.getClass().getName());
                    result = new ProbeResult(java.util.UUID.randomUUID(), name, probe.get().service(), trigger, plannedAt,
                            started, Duration.between(started, clock.instant()).toNanos(), false, Reason.IO_ERROR, "(engine)", List.of());
                    recordSafely(result);
                } finally {
                    running.remove(name, future);
                    // Completed only once the probe is free again, so whoever waits on it may run it again at once;
                    // even an error past the catch releases whoever waits (run now) instead of leaving them to time out.
                    if (result != null) {
                        future.complete(result);
                    } else {
                        future.completeExceptionally(new IllegalStateException("the run of " + name + " ended abnormally"));
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            release(name, future, "saturated");
            return Optional.empty();
        }
        if (scheduled) {
            lastPlanned.merge(name, plannedAt, (a, b) -> a.isAfter(b) ? a : b);
        }
        return Optional.of(future);
    }

    /**
     * An operator asking for a run while a scheduled one is in flight (likely with short intervals) gets
     * their own run once it ends, not a refusal; one asking while another operator's run is in flight
     * shares that run, which started moments ago, instead of queueing behind it. Only a saturated
     * executor, or a scheduled run outlasting the wait, is "busy".
     */
    public Optional<CompletableFuture<ProbeResult>> submitAfterRunInProgress(String name, long waitMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (true) {
            Optional<CompletableFuture<ProbeResult>> current = inFlight(name);
            long left = deadline - System.nanoTime();
            if (current.isPresent() && current.get() instanceof OperatorRun) {
                return current;
            }
            if (current.isPresent()) {
                if (left <= 0) {
                    return Optional.empty();
                }
                try {
                    current.get().get(left, TimeUnit.NANOSECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    // Its outcome is the scheduled run's; ours is tried next, or the deadline says busy.
                }
                continue;
            }
            Optional<CompletableFuture<ProbeResult>> submitted = submit(name, clock.instant(), ProbeResult.MANUAL);
            // Refused with nothing in flight: the executor is saturated. Else a scheduled run got in first: wait for it.
            if (submitted.isPresent() || inFlight(name).isEmpty()) {
                return submitted;
            }
        }
    }

    /** The future of a run an operator asked for, which others asking meanwhile share. */
    private static final class OperatorRun extends CompletableFuture<ProbeResult> {
    }

    /** Gives up a run that was never started; whoever found it in flight meanwhile stops waiting on it. */
    private void release(String name, CompletableFuture<ProbeResult> future, String cause) {
        future.completeExceptionally(new IllegalStateException("the run of " + name + " did not start: " + cause));
        running.remove(name, future);
        metrics.skipped(name, cause);
    }

    /**
     * The planned start of the last scheduled run this replica accepted for a probe, so a schedule
     * taking over from another (the store fallback handing back to Quartz) can keep its phase.
     */
    public Optional<Instant> lastPlanned(String name) {
        return Optional.ofNullable(lastPlanned.get(name));
    }

    /**
     * A scheduled run planned less than half an interval after the last accepted one was already made:
     * Quartz firing late misfires for slots the store fallback's local timers covered.
     */
    private boolean alreadyRan(Probe probe, Instant plannedAt) {
        Instant last = lastPlanned.get(probe.name());
        return last != null && plannedAt.isBefore(last.plusMillis(probe.interval().toMillis() / 2));
    }

    private ProbeResult run(Probe probe, Probes snapshot, Instant plannedAt, String trigger) {
        if (ProbeResult.SCHEDULED.equals(trigger) && plannedAt != null) {
            metrics.lag(Duration.between(plannedAt, clock.instant()));
        }
        Prober prober = probers.get(probe.kind());
        ProbeResult result = prober.run(probe, new Prober.RunRequest(plannedAt, trigger, secrets, snapshot.allowList()));
        metrics.record(result);
        sink.accept(result);
        if (!result.success()) {
            LOG.info("probe {} failed at step {}: {}", probe.name(), result.failedStep(), result.reason().code());
        }
        return result;
    }

    private void recordSafely(ProbeResult result) {
        try {
            metrics.record(result);
            sink.accept(result);
        } catch (RuntimeException e) {
            LOG.error("probe {}: could not record the crashed run: {}", result.probe(), e.getClass().getName());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
