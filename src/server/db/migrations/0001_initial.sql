-- The reference backend's store. Every table starts with pts_ so it can share a database.
-- Records travel as jsonb; the columns beside them are the ones a constraint, an index or an
-- atomic update needs. Times come from the backend's clock as parameters, not from now(),
-- so tests with a fake clock see the same expiry rules as production.

-- Targets. One per provider, edition and destination (the normalised base URL of a
-- self-hosted edition, or the tenant of a cloud one), revoked or not: a revoked target keeps
-- its history and is reconnected rather than created again.
CREATE TABLE pts_targets (
  id text PRIMARY KEY,
  provider text NOT NULL,
  edition text NOT NULL,
  destination text NOT NULL,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT pts_targets_one_per_destination UNIQUE (provider, edition, destination)
);
CREATE INDEX pts_targets_created_at ON pts_targets (created_at, id);

-- Live credentials, sealed (AES-256-GCM) for their target id. Written in the same
-- transaction as the record; deleted on revoke; gone with the target.
CREATE TABLE pts_secrets (
  target_id text PRIMARY KEY REFERENCES pts_targets (id) ON DELETE CASCADE,
  key_id text NOT NULL,
  ciphertext bytea NOT NULL,
  updated_at timestamptz NOT NULL
);
-- Key rotation looks for rows not sealed under the current key.
CREATE INDEX pts_secrets_key_id ON pts_secrets (key_id);

-- URL checks. A passed check admits one save: the save sets used_at and used_by in the
-- transaction that creates the target, with "WHERE used_at IS NULL AND expires_at > $now".
CREATE TABLE pts_url_checks (
  id text PRIMARY KEY,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by text
);
CREATE INDEX pts_url_checks_expires_at ON pts_url_checks (expires_at);

-- OAuth and app-install authorisations, found by id or by the state that comes back
-- through the provider.
CREATE TABLE pts_authorizations (
  id text PRIMARY KEY,
  state text NOT NULL UNIQUE,
  status text NOT NULL,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX pts_authorizations_expires_at ON pts_authorizations (expires_at);

-- The credential a completed authorisation produced, sealed for its authorisation id, until
-- one save takes it: "DELETE ... RETURNING" makes the taking single-use.
CREATE TABLE pts_grants (
  authorization_id text PRIMARY KEY REFERENCES pts_authorizations (id) ON DELETE CASCADE,
  key_id text NOT NULL,
  ciphertext bytea NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX pts_grants_key_id ON pts_grants (key_id);

-- Idempotency keys. The first request inserts the row (ON CONFLICT DO NOTHING decides who is
-- first), runs, then stores its answer; a retry with the same key replays the answer, and
-- one with a different request under the same key is refused. Answers never hold a secret.
CREATE TABLE pts_idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  response_status integer,
  response_body jsonb,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX pts_idempotency_keys_expires_at ON pts_idempotency_keys (expires_at);

-- Rate limits: one row per client and limiter, a fixed window counted with
-- INSERT ... ON CONFLICT DO UPDATE, so every instance counts the same hits.
CREATE TABLE pts_rate_limits (
  bucket text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL
);
CREATE INDEX pts_rate_limits_window_start ON pts_rate_limits (window_start);
