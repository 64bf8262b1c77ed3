-- +goose Up
-- Passenger lists screened in the background: their progress and, once done,
-- their report and results, kept for their user for an hour, so that every
-- node serving the user reads them.
CREATE TABLE list_jobs (
  id TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  total INTEGER NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  started_at BIGINT NOT NULL,
  finished_at BIGINT NOT NULL DEFAULT 0,
  failure TEXT NOT NULL DEFAULT '',
  report TEXT NOT NULL DEFAULT '',
  results BLOB
);
CREATE INDEX list_jobs_started ON list_jobs(started_at);

-- +goose Down
DROP TABLE list_jobs;
