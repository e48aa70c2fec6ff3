package com.nightbff.nightwatch.catalog;

import com.nightbff.nightwatch.gitops.ContentRepository;
import com.nightbff.nightwatch.spec.SpecProblem;
import com.nightbff.nightwatch.system.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Holds the active snapshot and decides what becomes active. A revision is applied only when the
 * whole bundle is valid; otherwise it is rejected in plain sight (status, metric, log, audit) and
 * the previous snapshot keeps running. A revision the cluster already applied (resumed at start, or
 * followed) also runs when only this replica's environment falls short, with warnings in the status.
 * Polls are serialised; readers never block.
 */
public class ContentCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ContentCatalog.class);

    private final ContentRepository repository;
    private final BundleLoader loader;
    private final ContentRevisionStore store;
    private final ContentMetrics metrics;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    private volatile ContentSnapshot active;
    private ContentApplied unpublished;
    /**
     * Set by {@link #start()}. Quartz starts with the context, before the start-up runner, and a poll
     * that judged the tip before the resume would be overwritten by it: the metric then said applied
     * while the status said rejected.
     */
    private volatile boolean started;
    private volatile ContentStatus status = new ContentStatus(null, null, List.of(), "content not loaded yet", null, List.of());

    ContentCatalog(ContentRepository repository, BundleLoader loader, ContentRevisionStore store, ContentMetrics metrics,
                   ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.loader = loader;
        this.store = store;
        this.metrics = metrics;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<ContentSnapshot> active() {
        return Optional.ofNullable(active);
    }

    public ContentStatus status() {
        return status;
    }

    public ContentRepository repository() {
        return repository;
    }

    /**
     * At start: resume the last applied revision (published as a resumed {@link ContentApplied}, so
     * features start from it the same way they take a new one), then look at the branch tip.
     */
    public synchronized ContentStatus start() {
        store.lastApplied().ifPresent(this::resume);
        started = true;
        return poll();
    }

    /**
     * Resumes a revision the cluster applied. A secret missing from this replica's environment does not
     * stop it: the revision was valid when applied and is valid where the secret is set, so it runs and
     * only the probes that need the secret fail (with {@code secret_missing}), shown as a warning. Turning
     * off every probe for one missing secret would leave the fleet unwatched.
     */
    private void resume(String sha) {
        try {
            BundleLoader.Result result = loader.load(repository.sourceAt(sha), repository.revision(sha));
            if (!result.runnable()) {
                // A newer Nightwatch may check rules the applied revision predates; the poll below shows why too.
                LOG.warn("the applied content revision {} breaks this version's rules ({} problem(s)); nothing is active "
                        + "until a valid revision is committed:\n  {}", sha.substring(0, 10), result.problems().size(),
                        lines(result.problems()));
                return;
            }
            active = result.snapshot();
            metrics.applied(clock.instant());
            metrics.warnings(active.warnings().size());
            LOG.info("resumed content revision {}", active.revision().shortSha());
            warnIfIncomplete(active);
            publish(new ContentApplied(active.revision(), null, List.of(), active, ContentApplied.Origin.RESUMED));
        } catch (RuntimeException e) {
            LOG.warn("last applied revision {} cannot be read any more: {}", sha, e.getMessage());
        }
    }

    /** Reads the branch tip and applies it when it is new and valid; nothing before {@link #start()}. */
    public ContentStatus poll() {
        if (!started) {
            return status;
        }
        Optional<String> tip;
        try {
            // Outside the catalog's lock: a slow fetch must not block readers of the status or a follower.
            tip = repository.refresh();
        } catch (RuntimeException e) {
            synchronized (this) {
                metrics.pollFailed();
                LOG.warn("content repository unreadable: {}", e.getMessage());
                status = status(status.rejected(), status.problems(), e.getMessage());
                return status;
            }
        }
        return applyTip(tip);
    }

    /** Makes a valid snapshot this replica's active one and tells the features (probes, ledger, …). */
    private ContentStatus activate(ContentRevision revision, ContentSnapshot snapshot, ContentApplied.Origin origin) {
        String previous = active == null ? null : active.revision().sha();
        List<String> changed = repository.changedFiles(previous, revision.sha());
        metrics.applied(clock.instant());
        metrics.warnings(snapshot.warnings().size());
        // Status before snapshot: a reader that sees the new snapshot also sees the cleared rejection.
        status = new ContentStatus(revision, null, List.of(), null, clock.instant(), snapshot.warnings());
        active = snapshot;
        LOG.info("applied content revision {} ({}), {} file(s) changed", revision.shortSha(), revision.subject(), changed.size());
        warnIfIncomplete(snapshot);
        publish(new ContentApplied(revision, previous, changed, active, origin));
        return status;
    }

    /**
     * Loads a revision the cluster already applied (see {@link ContentFollower}), whatever the tip is
     * now. Only this replica's snapshot changes: the cluster's record, audit and ledger have it
     * already, and a replica that reads it differently (a rolling upgrade) must not mark the cluster's
     * revision rejected. A secret this replica lacks does not keep it from following, as on a restart.
     */
    public ContentStatus follow(String sha) {
        try {
            repository.refresh();
        } catch (RuntimeException e) {
            LOG.warn("content repository unreadable while following {}: {}", sha, e.getMessage());
        }
        synchronized (this) {
            if (active != null && active.revision().sha().equals(sha)) {
                if (unpublished != null) {
                    publish(unpublished);
                }
                return status;
            }
            try {
                ContentRevision revision = repository.revision(sha);
                BundleLoader.Result result = loader.load(repository.sourceAt(sha), revision);
                if (!result.runnable()) {
                    LOG.warn("revision {} the cluster applied is invalid here ({} problem(s)); {} stays active", revision.shortSha(),
                            result.problems().size(), active == null ? "nothing" : active.revision().shortSha());
                    return status;
                }
                return activate(revision, result.snapshot(), ContentApplied.Origin.FOLLOWED);
            } catch (RuntimeException e) {
                LOG.warn("could not follow content revision {}: {}", sha, e.getMessage());
                return status;
            }
        }
    }

    private synchronized ContentStatus applyTip(Optional<String> tip) {
        if (tip.isEmpty()) {
            status = status(null, List.of(), "the content repository has no commits on branch '" + repository.branch() + "' yet");
            return status;
        }
        String sha = tip.get();
        boolean alreadyActive = active != null && active.revision().sha().equals(sha);
        boolean alreadyRejected = status.rejected() != null && status.rejected().sha().equals(sha);
        if (alreadyActive) {
            if (status.rejected() != null) {
                metrics.applied(clock.instant());
            }
            if (unpublished != null && !publish(unpublished)) {
                return status;
            }
            status = status(null, List.of(), null);
            return status;
        }
        if (alreadyRejected) {
            status = status(status.rejected(), status.problems(), null);
            return status;
        }
        try {
            return evaluate(sha);
        } catch (RuntimeException e) {
            // The store write comes before activation, so a database outage leaves the previous
            // snapshot active and the revision unrecorded; the next poll tries again.
            metrics.pollFailed();
            LOG.warn("could not evaluate content revision {}: {}", sha, e.getMessage());
            status = status(status.rejected(), status.problems(),
                    "could not evaluate revision " + sha.substring(0, 10) + ": " + e.getMessage());
            return status;
        }
    }

    private ContentStatus evaluate(String sha) {
        ContentRevision revision = repository.revision(sha);
        BundleLoader.Result result = loader.load(repository.sourceAt(sha), revision);
        if (result.valid()) {
            store.applied(revision, clock.instant());
            audit.record("system", "content.apply", revision.sha(), "ok", revision.subject());
            activate(revision, result.snapshot(), ContentApplied.Origin.APPLIED);
        } else {
            List<SpecProblem> problems = result.problems();
            store.rejected(revision, problems, clock.instant());
            metrics.rejected(clock.instant(), problems.size());
            status = status(revision, problems, null);
            LOG.warn("rejected content revision {} ({}) with {} problem(s); {} stays active:\n  {}", revision.shortSha(),
                    revision.subject(), problems.size(), active == null ? "nothing" : active.revision().shortSha(), lines(problems));
            audit.record("system", "content.apply", revision.sha(), "rejected", problems.size() + " problem(s)");
            events.publishEvent(new ContentRejected(revision, problems));
        }
        return status;
    }

    /**
     * Tells the features (ledger, probe schedule…) about an applied revision. When one of them fails
     * (its database is down) the snapshot is already active, so the event is kept and sent again on
     * the next poll rather than lost until a restart.
     */
    private boolean publish(ContentApplied event) {
        try {
            events.publishEvent(event);
            unpublished = null;
            return true;
        } catch (RuntimeException e) {
            unpublished = event;
            metrics.pollFailed();
            LOG.warn("revision {} is active but not every feature took it ({}); retrying on the next poll",
                    event.revision().shortSha(), e.getMessage());
            status = status(status.rejected(), status.problems(),
                    "revision " + event.revision().shortSha() + " is active but not yet applied everywhere: " + e.getMessage());
            return false;
        }
    }

    /** The status of the active snapshot (with its warnings) as of now. */
    private ContentStatus status(ContentRevision rejected, List<SpecProblem> problems, String sourceError) {
        return new ContentStatus(currentRevision(), rejected, problems, sourceError, clock.instant(),
                active == null ? List.of() : active.warnings());
    }

    private static void warnIfIncomplete(ContentSnapshot snapshot) {
        if (!snapshot.warnings().isEmpty()) {
            // Each problem carries its own hint (set the secret and restart; rename or remove the file).
            LOG.warn("content revision {} runs with {} warning(s):\n  {}", snapshot.revision().shortSha(), snapshot.warnings().size(),
                    lines(snapshot.warnings()));
        }
    }

    private static String lines(List<SpecProblem> problems) {
        return String.join("\n  ", problems.stream().map(SpecProblem::format).toList());
    }

    private ContentRevision currentRevision() {
        return active == null ? null : active.revision();
    }
}
