-- A phase that did not happen in a step (TLS on plain http, resolve for an IP address, connect on a
-- reused connection, anything after the point where the step failed) is stored as NULL, not as a
-- measured 0: the console and the API show it as n/a. Rows written before hold 0 there.
ALTER TABLE probe_step
    ALTER COLUMN resolve_ms DROP NOT NULL,
    ALTER COLUMN connect_ms DROP NOT NULL,
    ALTER COLUMN tls_ms DROP NOT NULL,
    ALTER COLUMN processing_ms DROP NOT NULL,
    ALTER COLUMN transfer_ms DROP NOT NULL;
