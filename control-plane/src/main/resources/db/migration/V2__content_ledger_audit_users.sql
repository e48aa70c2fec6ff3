-- Every content revision the plane evaluated, so a restart resumes from the last good one.
CREATE TABLE content_revision (
    sha          text PRIMARY KEY,
    status       text        NOT NULL CHECK (status IN ('applied', 'rejected')),
    author       text,
    message      text,
    committed_at timestamptz,
    evaluated_at timestamptz NOT NULL,
    problems     text        NOT NULL DEFAULT ''
);
CREATE INDEX content_revision_evaluated ON content_revision (status, evaluated_at DESC);

-- The change ledger: config commits now; dashboard pushes, deploys, regressions and rollbacks later.
CREATE TABLE change_event (
    id          bigserial PRIMARY KEY,
    kind        text        NOT NULL,
    ref         text        NOT NULL,
    author      text,
    summary     text,
    files       text[]      NOT NULL DEFAULT '{}',
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    UNIQUE (kind, ref)
);
CREATE INDEX change_event_occurred ON change_event (occurred_at DESC);

-- Who did what: console actions, logins, content decisions.
CREATE TABLE audit_event (
    id      bigserial PRIMARY KEY,
    at      timestamptz NOT NULL,
    actor   text        NOT NULL,
    action  text        NOT NULL,
    target  text,
    outcome text        NOT NULL,
    detail  text
);
CREATE INDEX audit_event_at ON audit_event (at DESC);

-- Console users; passwords only as bcrypt hashes.
CREATE TABLE app_user (
    username      text PRIMARY KEY,
    password_hash text        NOT NULL,
    roles         text        NOT NULL,
    source        text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
