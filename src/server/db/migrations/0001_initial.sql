-- The reference backend's store. Every table starts with pts_ so it can share a database.
-- Records travel as jsonb, exactly as the store interface hands them over; the columns beside
-- them are the ones a constraint, an index or an atomic update needs. Times come from the
-- backend's clock as parameters, not from now(), so tests with a fake clock see the same
-- expiry rules as production.

-- Targets. unique_key is `provider|edition|normalised URL or tenant`: one target per key,
-- revoked or not (a revoked target keeps its history and is reconnected, not created again).
-- seq gives the listing its order, oldest first.
CREATE TABLE pts_targets (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  unique_key text NOT NULL CONSTRAINT pts_targets_unique_key UNIQUE,
  record jsonb NOT NULL
);
CREATE INDEX pts_targets_seq ON pts_targets (seq);

-- Live credentials, sealed (AES-256-GCM) for their target id, under the key named by key_id.
-- Written in the same transaction as the record; deleted on revoke; gone with the target.
CREATE TABLE pts_secrets (
  target_id text PRIMARY KEY REFERENCES pts_targets (id) ON DELETE CASCADE,
  key_id text NOT NULL,
  ciphertext bytea NOT NULL
);
-- Key rotation looks for rows not sealed under the current key.
CREATE INDEX pts_secrets_key_id ON pts_secrets (key_id);

-- URL checks. A passed check admits one save: the save sets consumed_at in the transaction
-- that writes the target, "WHERE consumed_at IS NULL AND expires_at > $now".
CREATE TABLE pts_url_checks (
  id text PRIMARY KEY,
  record jsonb NOT NULL,
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX pts_url_checks_expires_at ON pts_url_checks (expires_at);

-- OAuth and app-install authorisations, found by id or by the state that comes back through
-- the provider. status moves pending -> authorized | denied | error, and authorized -> used.
CREATE TABLE pts_authorizations (
  id text PRIMARY KEY,
  state text NOT NULL CONSTRAINT pts_authorizations_state UNIQUE,
  status text NOT NULL CHECK (status IN ('pending', 'authorized', 'denied', 'error', 'used')),
  record jsonb NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX pts_authorizations_expires_at ON pts_authorizations (expires_at);

-- The credential a completed authorisation produced, sealed for its authorisation id, until
-- one save takes it (status authorized -> used, and this row deleted, in the save's
-- transaction).
CREATE TABLE pts_grants (
  authorization_id text PRIMARY KEY REFERENCES pts_authorizations (id) ON DELETE CASCADE,
  key_id text NOT NULL,
  ciphertext bytea NOT NULL
);
CREATE INDEX pts_grants_key_id ON pts_grants (key_id);

-- Idempotency keys. A save inserts its key first (a concurrent save with the same key waits
-- on that row), and fills in status and record before it commits, so a committed row always
-- holds its answer; a refused save rolls the row back. Answers never hold a secret.
CREATE TABLE pts_idempotency_keys (
  key text PRIMARY KEY,
  fingerprint text NOT NULL,
  status integer,
  record jsonb,
  expires_at timestamptz NOT NULL
);
CREATE INDEX pts_idempotency_keys_expires_at ON pts_idempotency_keys (expires_at);

-- Rate limits: one row per limiter and client, holding the times (epoch ms) of the hits
-- admitted within the window. A hit locks the row, so every instance counts the same hits.
CREATE TABLE pts_rate_limits (
  bucket text PRIMARY KEY,
  hits jsonb NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX pts_rate_limits_expires_at ON pts_rate_limits (expires_at);
