/**
 * Migration 001. Kept as a TS string (not a .sql file) so every bundle carries it without copying assets.
 *
 * jobs.seq is the rowid: inserts append, and it doubles as the stable newest-first cursor.
 * jobs.id is the public id (`<group>_<tag>_<uuid>`). Times are epoch milliseconds.
 * Partial indexes cover only live rows, so claims stay fast however much history is kept.
 */
export const INITIAL_SCHEMA = `
CREATE TABLE jobs (
  seq            INTEGER PRIMARY KEY,
  id             TEXT    NOT NULL UNIQUE,
  status         TEXT    NOT NULL CHECK (status IN ('queued','scheduled','delivering','succeeded','failed','cancelled')),
  to_url         TEXT    NOT NULL,
  method         TEXT    NOT NULL,
  headers_json   TEXT    NOT NULL,
  to_auth        TEXT,
  tag            TEXT,
  grp            TEXT,
  payload        TEXT    NOT NULL,
  retry_json     TEXT,
  run_at         INTEGER NOT NULL,
  attempt_count  INTEGER NOT NULL DEFAULT 0,
  max_attempts   INTEGER NOT NULL,
  lease_until    INTEGER,
  replay_of      TEXT,
  last_status    INTEGER,
  last_error     TEXT,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  finished_at    INTEGER
) STRICT;

CREATE INDEX jobs_due ON jobs (run_at) WHERE status IN ('queued','scheduled');
CREATE INDEX jobs_leased ON jobs (lease_until) WHERE status = 'delivering';
CREATE INDEX jobs_status_seq ON jobs (status, seq);
CREATE INDEX jobs_created ON jobs (created_at);
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE attempts (
  job_seq               INTEGER NOT NULL REFERENCES jobs (seq) ON DELETE CASCADE,
  number                INTEGER NOT NULL,
  started_at            INTEGER NOT NULL,
  duration_ms           REAL    NOT NULL,
  request_json          TEXT    NOT NULL,
  response_status       INTEGER,
  response_headers_json TEXT,
  response_body         TEXT,
  response_truncated    INTEGER NOT NULL DEFAULT 0,
  error_code            TEXT,
  error_message         TEXT,
  outcome               TEXT    NOT NULL CHECK (outcome IN ('succeeded','retry','failed')),
  PRIMARY KEY (job_seq, number)
) STRICT;

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
) STRICT;
`
