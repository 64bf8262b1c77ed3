-- +goose Up
CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  kind TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  roles TEXT NOT NULL,
  clearances TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL DEFAULT '',
  disabled INTEGER NOT NULL DEFAULT 0,
  mfa_secret TEXT NOT NULL DEFAULT '',
  mfa_enabled INTEGER NOT NULL DEFAULT 0,
  mfa_last_step BIGINT NOT NULL DEFAULT 0,
  locale TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  last_login_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX users_agency ON users(agency_id);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL DEFAULT '',
  roles TEXT NOT NULL DEFAULT '',
  secret_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT NOT NULL DEFAULT 0,
  last_used_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  expiry BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions(expiry);

CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  username_hash TEXT NOT NULL,
  address TEXT NOT NULL,
  at BIGINT NOT NULL,
  ok INTEGER NOT NULL
);
CREATE INDEX login_attempts_user ON login_attempts(username_hash, at);
CREATE INDEX login_attempts_addr ON login_attempts(address, at);

CREATE TABLE audit_entries (
  seq BIGINT PRIMARY KEY,
  t BIGINT NOT NULL,
  actor TEXT NOT NULL,
  agency TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  decision TEXT NOT NULL,
  reason TEXT NOT NULL,
  request_id TEXT NOT NULL,
  leaf BLOB NOT NULL
);
CREATE INDEX audit_entries_t ON audit_entries(t);
CREATE INDEX audit_entries_actor ON audit_entries(actor, seq);
CREATE INDEX audit_entries_agency ON audit_entries(agency, seq);
CREATE INDEX audit_entries_object ON audit_entries(object_type, object_id);

CREATE TABLE audit_checkpoints (
  size BIGINT PRIMARY KEY,
  note TEXT NOT NULL
);

CREATE TABLE log_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  audit_size BIGINT NOT NULL,
  frontier BLOB NOT NULL,
  checkpoint TEXT NOT NULL,
  change_seq BIGINT NOT NULL
);
INSERT INTO log_head (id, audit_size, frontier, checkpoint, change_seq) VALUES (1, 0, x'', '', 0);

CREATE TABLE changes (
  seq BIGINT PRIMARY KEY,
  t BIGINT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  op TEXT NOT NULL
);

CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  until BIGINT NOT NULL
);

-- +goose Down
DROP TABLE leases;
DROP TABLE changes;
DROP TABLE log_head;
DROP TABLE audit_checkpoints;
DROP TABLE audit_entries;
DROP TABLE login_attempts;
DROP TABLE sessions;
DROP TABLE api_tokens;
DROP TABLE users;
DROP TABLE agencies;
