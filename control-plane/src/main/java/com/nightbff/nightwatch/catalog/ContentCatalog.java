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
 * the previous snapshot keeps running. Polls are serialised; readers never block.
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
    private volatile ContentStatus status = new ContentStatus(null, null, List.of(), "content not loaded yet", null);

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
        store.lastApplied().ifPresent(sha -> {
            try {
                BundleLoader.Result result = loader.load(repository.sourceAt(sha), repository.revision(sha));
                if (result.valid()) {
                    active = result.snapshot();
                    metrics.applied(clock.instant());
                    LOG.info("resumed content revision {}", active.revision().shortSha());
                    publish(new ContentApplied(active.revision(), null, List.of(), active, ContentApplied.Origin.RESUMED));
                } else {
                    // A newer Nightwatch may check rules the applied revision predates; the poll below shows why.
                    LOG.warn("the applied content revision {} is invalid under this version's rules ({} problem(s)); "
                            + "nothing is active until a valid revision is committed", sha.substring(0, 10), result.problems().size());
                }
            } catch (RuntimeException e) {
                LOG.warn("last applied revision {} cannot be read any more: {}", sha, e.getMessage());
            }
        });
        started = true;
        return poll();
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
                status = new ContentStatus(currentRevision(), status.rejected(), status.problems(), e.getMessage(), clock.instant());
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
        // Status before snapshot: a reader that sees the new snapshot also sees the cleared rejection.
        status = new ContentStatus(revision, null, List.of(), null, clock.instant());
        active = snapshot;
        LOG.info("applied content revision {} ({}), {} file(s) changed", revision.shortSha(), revision.subject(), changed.size());
        publish(new ContentApplied(revision, previous, changed, active, origin));
        return status;
    }

    /**
     * Loads a revision the cluster already applied (see {@link ContentFollower}), whatever the tip is
     * now. Only this replica's snapshot changes: the cluster's record, audit and ledger have it
     * already, and a replica that reads it differently (a rolling upgrade) must not mark the cluster's
     * revision rejected.
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
                if (!result.valid()) {
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
            status = new ContentStatus(currentRevision(), null, List.of(),
                    "the content repository has no commits on branch '" + repository.branch() + "' yet", clock.instant());
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
            status = new ContentStatus(currentRevision(), null, List.of(), null, clock.instant());
            return status;
        }
        if (alreadyRejected) {
            status = new ContentStatus(currentRevision(), status.rejected(), status.problems(), null, clock.instant());
            return status;
        }
        try {
            return evaluate(sha);
        } catch (RuntimeException e) {
            // The store write comes before activation, so a database outage leaves the previous
            // snapshot active and the revision unrecorded; the next poll tries again.
            metrics.pollFailed();
            LOG.warn("could not evaluate content revision {}: {}", sha, e.getMessage());
            status = new ContentStatus(currentRevision(), status.rejected(), status.problems(),
                    "could not evaluate revision " + sha.substring(0, 10) + ": " + e.getMessage(), clock.instant());
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
            status = new ContentStatus(currentRevision(), revision, problems, null, clock.instant());
            LOG.warn("rejected content revision {} ({}) with {} problem(s); {} stays active:\n  {}", revision.shortSha(),
                    revision.subject(), problems.size(), active == null ? "nothing" : active.revision().shortSha(),
                    String.join("\n  ", problems.stream().map(SpecProblem::format).toList()));
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
            status = new ContentStatus(currentRevision(), status.rejected(), status.problems(),
                    "revision " + event.revision().shortSha() + " is active but not yet applied everywhere: " + e.getMessage(),
                    clock.instant());
            return false;
        }
    }

    private ContentRevision currentRevision() {
        return active == null ? null : active.revision();
    }
}
