package com.nightbff.nightwatch.probes;

import com.nightbff.nightwatch.probes.internal.ActiveProbes;
import com.nightbff.nightwatch.probes.internal.ProbeEngine;
import com.nightbff.nightwatch.probes.internal.ResultStore;
import com.nightbff.nightwatch.probes.internal.ResultWriter;
import com.nightbff.nightwatch.probes.internal.ScheduleFallback;
import com.nightbff.nightwatch.system.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;

/**
 * What the console and API may ask of probes: an overview with evidence (sample counts and
 * windows; "unknown" with a reason when there is no data), one probe's detail, and run now.
 */
public class ProbeService {

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofHours(24);
    static final String STORE_UNAVAILABLE = "the result store is unavailable";
    private static final List<Duration> WINDOWS = List.of(HOUR, DAY);

    private final ActiveProbes active;
    private final ProbeEngine engine;
    private final boolean runsHere;
    private final ResultStore store;
    private final ResultWriter writer;
    private final ScheduleFallback fallback;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<Map<String, Instant>> plannedRuns;
    private volatile MaskFor mask;

    /**
     * @param active   the probes of the active content, which every replica lists
     * @param runsHere false on a replica started with {@code nightwatch.probes.enabled=false}: it shows probes and
     *                 their stored results but does not run them, not even on demand
     * @param plannedRuns when the schedule plans each probe's next run, as far as it can say
     */
    public ProbeService(ActiveProbes active, ProbeEngine engine, boolean runsHere, ResultStore store, ResultWriter writer,
                        ScheduleFallback fallback, AuditLog audit, Clock clock, Supplier<Map<String, Instant>> plannedRuns) {
        this.active = active;
        this.engine = engine;
        this.runsHere = runsHere;
        this.store = store;
        this.writer = writer;
        this.fallback = fallback;
        this.audit = audit;
        this.clock = clock;
        this.plannedRuns = plannedRuns;
    }

    /** The mask for the probes a read sees; built once per content revision, as the secrets only change with it. */
    private SecretMask mask(Probes probes) {
        MaskFor current = mask;
        if (current == null || current.probes() != probes) {
            current = new MaskFor(probes, new SecretMask(probes.probes(), engine.secrets()));
            mask = current;
        }
        return current.mask();
    }

    private record MaskFor(Probes probes, SecretMask mask) {
    }

    /** Success ratio and p95 over a window, or why they are unknown. */
    public record WindowStatus(String label, long samples, Double successRatio, Double p95Ms, String unknownReason) {
        public boolean known() {
            return unknownReason == null;
        }
    }

    /**
     * A probe with its latest stored run (null when there is none or the store is unavailable), its windows,
     * and why its status is unknown when it is: a run too old to stand for the probe's state now is still
     * shown as evidence, but its OK or failure is not the status.
     */
    public record Overview(Probe probe, ProbeResult last, WindowStatus hour, WindowStatus day, String unknownReason) {

        public static final String NO_RUN = "no run recorded yet";

        /** {@code ok}, {@code failing}, or {@code unknown} (then {@link #unknownReason()} says why). */
        public String status() {
            return unknownReason != null ? "unknown" : last.success() ? "ok" : "failing";
        }

        public boolean known() {
            return unknownReason == null;
        }
    }

    /** Everything the detail page shows. */
    /** {@code storeError} is null unless the store could not be read: failures and series are then unknown, not empty. */
    public record Detail(Overview overview, List<ProbeResult> failures, List<ResultStore.Point> series, String storeError) {
    }

    /**
     * How probes run on this replica, readable without the store: how many the active content defines,
     * whether this replica runs them and on which schedule, and what the result writer holds in memory
     * or has lost since start.
     */
    public record Runtime(int probes, boolean runsHere, boolean localTimers, boolean storeWriting, int buffered, long dropped) {
    }

    public Runtime runtime() {
        return new Runtime(active.current().probes().size(), runsHere, fallback.active(), writer.healthy(), writer.buffered(),
                writer.droppedCount());
    }

    public List<Overview> overview() {
        Instant now = clock.instant();
        // One snapshot for the whole read, so a revision applied meanwhile cannot mix into it.
        Probes probes = active.current();
        List<Overview> out = new ArrayList<>();
        Map<String, List<ResultStore.Window>> windows;
        Map<String, ProbeResult> last;
        try {
            windows = store.windows(now, WINDOWS, null);
            last = store.lastRuns(probes.byName().keySet());
        } catch (DataAccessException e) {
            Map<String, ProbeResult> unstored = writer.latestUnstored();
            SecretMask mask = mask(probes);
            for (Probe p : probes.probes()) {
                out.add(unavailable(p, mask.result(unstored.get(p.name())), now));
            }
            return out;
        }
        SecretMask mask = mask(probes);
        for (Probe p : probes.probes()) {
            List<ResultStore.Window> w = windows.getOrDefault(p.name(), List.of());
            out.add(current(p, mask.result(last.get(p.name())), window("1h", w, 0), window("24h", w, 1), now));
        }
        return withFirstRuns(out, now);
    }

    public Optional<Detail> detail(String name) {
        Probes probes = active.current();
        Optional<Probe> probe = probes.probe(name);
        if (probe.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        try {
            List<ResultStore.Window> w = store.windows(now, WINDOWS, name).getOrDefault(name, List.of());
            SecretMask mask = mask(probes);
            Overview o = withFirstRun(current(probe.get(), mask.result(last(name)), window("1h", w, 0), window("24h", w, 1), now), now);
            List<ProbeResult> failures = store.recentRuns(name, 10, true).stream().map(mask::result).toList();
            return Optional.of(new Detail(o, failures, store.series(name, now.minus(DAY)), null));
        } catch (DataAccessException e) {
            ProbeResult unstored = mask(probes).result(writer.latestUnstored().get(name));
            return Optional.of(new Detail(unavailable(probe.get(), unstored, now), List.of(), List.of(), STORE_UNAVAILABLE));
        }
    }

    /**
     * Runs a probe now on behalf of an operator, waits for it and audits the outcome: a run in flight first,
     * then the operator's, each bounded by the probe's timeout plus 2 s.
     */
    public RunNow runNow(String name, String actor) {
        Probes probes = active.current();
        Optional<Probe> probe = probes.probe(name);
        if (probe.isEmpty()) {
            audit.record(actor, "probe.run", name, "unknown_probe", null);
            return new RunNow(RunNow.Outcome.UNKNOWN_PROBE, null);
        }
        if (!runsHere) {
            audit.record(actor, "probe.run", name, "not_run_here", RunNow.Outcome.NOT_RUN_HERE.description());
            return new RunNow(RunNow.Outcome.NOT_RUN_HERE, null);
        }
        long waitMillis = probe.get().timeout().toMillis() + 2000;
        try {
            Optional<CompletableFuture<ProbeResult>> future = engine.submitAfterRunInProgress(name, waitMillis);
            if (future.isEmpty()) {
                audit.record(actor, "probe.run", name, "busy", RunNow.Outcome.BUSY.description());
                return new RunNow(RunNow.Outcome.BUSY, null);
            }
            ProbeResult result = future.get().get(waitMillis, TimeUnit.MILLISECONDS);
            // Written now, so the page shown right after "run now" has the run; not while the store is down,
            // where it would only wait behind the writer's own failing attempt.
            if (writer.healthy()) {
                writer.flush();
            }
            audit.record(actor, "probe.run", name, result.success() ? "success" : "failure",
                    result.success() ? null : result.failedStep() + ": " + result.reason().code());
            return new RunNow(RunNow.Outcome.RAN, mask(probes).result(result));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RunNow(RunNow.Outcome.UNFINISHED, null);
        } catch (ExecutionException | TimeoutException e) {
            audit.record(actor, "probe.run", name, "error", e.getClass().getSimpleName());
            return new RunNow(RunNow.Outcome.UNFINISHED, null);
        }
    }

    /**
     * Probes that have not run yet say when they will: with a long interval, "no run recorded yet" could
     * otherwise stand for a day with nothing to tell a new probe from a forgotten one. The store is read
     * once, and only when such a probe is listed.
     */
    private List<Overview> withFirstRuns(List<Overview> overviews, Instant now) {
        if (overviews.stream().noneMatch(o -> Overview.NO_RUN.equals(o.unknownReason()))) {
            return overviews;
        }
        Map<String, Instant> planned = plannedRuns.get();
        return overviews.stream().map(o -> withFirstRun(o, planned, now)).toList();
    }

    private Overview withFirstRun(Overview o, Instant now) {
        return Overview.NO_RUN.equals(o.unknownReason()) ? withFirstRun(o, plannedRuns.get(), now) : o;
    }

    private static Overview withFirstRun(Overview o, Map<String, Instant> planned, Instant now) {
        Instant at = Overview.NO_RUN.equals(o.unknownReason()) ? planned.get(o.probe().name()) : null;
        if (at == null) {
            return o;
        }
        String when = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        // A planned time already past is a run Quartz has not started: late, not coming.
        String reason = Overview.NO_RUN + (at.isBefore(now.minusSeconds(1)) ? "; the first was due at " + when + " and has not started"
                : "; the first is planned for " + when);
        return new Overview(o.probe(), null, o.hour(), o.day(), reason);
    }

    private ProbeResult last(String name) {
        List<ProbeResult> runs = store.recentRuns(name, 1, false);
        return runs.isEmpty() ? null : runs.get(0);
    }

    /**
     * A last result older than three intervals plus the timeout is not the probe's state: the schedule
     * stalled, runs were skipped or crashed, and an old OK must not read as OK now. It is still the
     * latest run, kept as evidence next to the unknown status.
     */
    static Overview current(Probe p, ProbeResult last, WindowStatus hour, WindowStatus day, Instant now) {
        if (last == null) {
            return new Overview(p, null, hour, day, Overview.NO_RUN);
        }
        Instant freshUntil = last.startedAt().plus(p.interval().multipliedBy(3)).plus(p.timeout());
        if (now.isAfter(freshUntil)) {
            Instant at = last.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            return new Overview(p, last, hour, day, "no run since " + at + " (more than 3 intervals ago; was "
                    + (last.success() ? "OK" : "failing") + ")");
        }
        return new Overview(p, last, hour, day, null);
    }

    /**
     * Without the store the windows are unknown; the probe's status comes from its newest run still
     * buffered in memory when there is one (what the probes find goes on while the store is down).
     */
    private static Overview unavailable(Probe p, ProbeResult unstored, Instant now) {
        WindowStatus hour = new WindowStatus("1h", 0, null, null, STORE_UNAVAILABLE);
        WindowStatus day = new WindowStatus("24h", 0, null, null, STORE_UNAVAILABLE);
        return unstored == null ? new Overview(p, null, hour, day, STORE_UNAVAILABLE) : current(p, unstored, hour, day, now);
    }

    private static WindowStatus window(String label, List<ResultStore.Window> windows, int index) {
        return window(label, index < windows.size() ? windows.get(index) : null);
    }

    static WindowStatus window(String label, ResultStore.Window w) {
        if (w == null || w.runs() == 0) {
            return new WindowStatus(label, 0, null, null, "no runs in the last " + label);
        }
        return new WindowStatus(label, w.runs(), w.successRatio(), w.p95Ms(), null);
    }
}
