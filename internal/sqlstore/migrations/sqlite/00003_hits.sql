-- +goose Up
CREATE TABLE hits (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  record_id TEXT NOT NULL,
  owner_id BIGINT NOT NULL REFERENCES agencies(id),
  checker_id BIGINT NOT NULL REFERENCES agencies(id),
  checker_user BIGINT NOT NULL,
  at BIGINT NOT NULL,
  deadline BIGINT NOT NULL,
  query_kind TEXT NOT NULL,
  query_hash TEXT NOT NULL,
  match TEXT NOT NULL,
  presence_only INTEGER NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  follow_up INTEGER NOT NULL DEFAULT 0,
  decided_by BIGINT NOT NULL DEFAULT 0,
  decided_at BIGINT NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX hits_owner ON hits(owner_id, status, seq);
CREATE INDEX hits_checker ON hits(checker_id, seq);

-- +goose Down
DROP TABLE hits;
