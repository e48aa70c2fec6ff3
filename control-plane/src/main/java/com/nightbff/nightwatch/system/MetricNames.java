package com.nightbff.nightwatch.system;

/**
 * Every metric name Nightwatch exports. Dashboards, alert rules and other teams' tools read these
 * names, so they are a contract: change one only with a migration note.
 */
public final class MetricNames {

    /** 1 when the newest content revision was applied, 0 when it was rejected (the last good one still runs). */
    public static final String CONTENT_LAST_APPLY_SUCCESS = "nightwatch_content_last_apply_success";
    /** When the newest revision was evaluated, in Unix seconds. */
    public static final String CONTENT_LAST_APPLY_TIMESTAMP = "nightwatch_content_last_apply_timestamp_seconds";
    /** Problems found in the newest revision (0 when it applied). */
    public static final String CONTENT_PROBLEMS = "nightwatch_content_problems";
    /**
     * Problems of this replica's environment the active revision runs with (a secret its probes reference is
     * not set, so those probes fail with secret_missing); 0 when it has everything it needs.
     */
    public static final String CONTENT_WARNINGS = "nightwatch_content_warnings";
    /** Failed attempts to read the content repository (fetch errors, unreadable repository). */
    public static final String CONTENT_POLL_ERRORS = "nightwatch_content_poll_errors";

    /** 1 when the last run of a probe (step="all") or of one of its steps succeeded, else 0; as blackbox_exporter. */
    public static final String PROBE_SUCCESS = "probe_success";
    /** Wall time of the last run (step="all") or step, in seconds. */
    public static final String PROBE_DURATION = "probe_duration_seconds";
    /** HTTP status of the last response of a step (0 when none came). */
    public static final String PROBE_HTTP_STATUS_CODE = "probe_http_status_code";
    /** The last step's time per phase: resolve, connect, tls, processing, transfer. */
    public static final String PROBE_HTTP_DURATION = "probe_http_duration_seconds";
    /** Histogram of step durations (step="all": whole runs), for latency SLOs. */
    public static final String PROBE_STEP_DURATION = "nightwatch_probe_step_duration_seconds";
    /** Start of a probe's last run on this replica, in Unix seconds; take the max across replicas before alerting on age. */
    public static final String PROBE_LAST_RUN = "nightwatch_probe_last_run_timestamp_seconds";
    /** Runs by outcome and reason (reason="" when successful). */
    public static final String PROBE_RUNS = "nightwatch_probe_runs";
    /** Actual start minus planned start of scheduled runs. */
    public static final String PROBE_SCHEDULE_LAG = "nightwatch_probe_schedule_lag_seconds";
    /** Runs not started because the probe executor was saturated or the previous run still ran. */
    public static final String PROBE_RUNS_SKIPPED = "nightwatch_probe_runs_skipped";
    /** 1 while the job store is unreachable and this replica runs the probes on local timers, else 0. */
    public static final String PROBE_SCHEDULE_FALLBACK = "nightwatch_probe_schedule_fallback";
    /** Ends of the store fallback by cause: cluster_fired (Quartz fired every probe again) or timeout. */
    public static final String PROBE_SCHEDULE_HANDBACKS = "nightwatch_probe_schedule_fallback_handbacks";
    /** Results waiting in memory for the database. */
    public static final String PROBE_RESULTS_BUFFERED = "nightwatch_probe_results_buffered";
    /** Results dropped because the buffer was full while the database was unavailable. */
    public static final String PROBE_RESULTS_DROPPED = "nightwatch_probe_results_dropped";
    /** Failed attempts to write a batch of results. */
    public static final String PROBE_RESULT_WRITE_ERRORS = "nightwatch_probe_result_write_errors";

    private MetricNames() {
    }
}
