-- API tokens for CI and scripts. The value is shown once at creation and never stored: only its
-- SHA-256 (enough for 256-bit random values, and a unique index makes the lookup a hash probe) and a
-- short non-secret prefix that lets people tell tokens apart.
CREATE TABLE api_token (
    id           bigserial PRIMARY KEY,
    name         text        NOT NULL,
    token_prefix text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    role         text        NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   text
);
-- A name identifies a token in the audit log, so two live tokens may not share one.
CREATE UNIQUE INDEX api_token_live_name ON api_token (name) WHERE revoked_at IS NULL;
