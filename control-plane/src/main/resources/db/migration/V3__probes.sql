-- One row per probe run; steps below. Raw rows live for nightwatch.probes.retention (default 14 days).
CREATE TABLE probe_run (
    id          uuid PRIMARY KEY,
    probe       text             NOT NULL,
    service     text             NOT NULL,
    trigger     text             NOT NULL,
    planned_at  timestamptz      NOT NULL,
    started_at  timestamptz      NOT NULL,
    duration_ms double precision NOT NULL,
    success     boolean          NOT NULL,
    reason      text,
    failed_step text
);
CREATE INDEX probe_run_probe_started ON probe_run (probe, started_at DESC);
CREATE INDEX probe_run_started ON probe_run (started_at);

-- Every step a run got to; message and excerpt are redacted by the prober before they get here.
CREATE TABLE probe_step (
    run_id        uuid             NOT NULL REFERENCES probe_run (id) ON DELETE CASCADE,
    idx           int              NOT NULL,
    probe         text             NOT NULL,
    step          text             NOT NULL,
    dependency    text,
    started_at    timestamptz      NOT NULL,
    success       boolean          NOT NULL,
    reason        text,
    message       text,
    status_code   int              NOT NULL,
    duration_ms   double precision NOT NULL,
    resolve_ms    double precision NOT NULL,
    connect_ms    double precision NOT NULL,
    tls_ms        double precision NOT NULL,
    processing_ms double precision NOT NULL,
    transfer_ms   double precision NOT NULL,
    excerpt       text,
    PRIMARY KEY (run_id, idx)
);
CREATE INDEX probe_step_probe_started ON probe_step (probe, step, started_at DESC);

-- Hourly roll-up of raw runs (step 'all') and steps, kept after raw rows are deleted.
CREATE TABLE probe_hourly (
    probe     text             NOT NULL,
    step      text             NOT NULL,
    hour      timestamptz      NOT NULL,
    runs      int              NOT NULL,
    successes int              NOT NULL,
    p50_ms    double precision,
    p95_ms    double precision,
    p99_ms    double precision,
    max_ms    double precision,
    PRIMARY KEY (probe, step, hour)
);
