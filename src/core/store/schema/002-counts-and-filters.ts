/**
 * Migration 002: per-status counts kept by triggers (so stats and unfiltered totals are O(1) on a
 * store of millions of jobs), and indexes for the group and tag filters of the jobs list.
 */
export const COUNTS_AND_FILTERS = `
CREATE TABLE job_counts (
  status TEXT PRIMARY KEY,
  n      INTEGER NOT NULL
) STRICT;

INSERT INTO job_counts (status, n)
  SELECT s.status, (SELECT COUNT(*) FROM jobs WHERE jobs.status = s.status)
  FROM (SELECT 'queued' AS status UNION ALL SELECT 'scheduled' UNION ALL SELECT 'delivering'
        UNION ALL SELECT 'succeeded' UNION ALL SELECT 'failed' UNION ALL SELECT 'cancelled') AS s;

CREATE TRIGGER jobs_count_insert AFTER INSERT ON jobs BEGIN
  UPDATE job_counts SET n = n + 1 WHERE status = NEW.status;
END;

CREATE TRIGGER jobs_count_delete AFTER DELETE ON jobs BEGIN
  UPDATE job_counts SET n = n - 1 WHERE status = OLD.status;
END;

CREATE TRIGGER jobs_count_update AFTER UPDATE OF status ON jobs WHEN OLD.status <> NEW.status BEGIN
  UPDATE job_counts SET n = n - 1 WHERE status = OLD.status;
  UPDATE job_counts SET n = n + 1 WHERE status = NEW.status;
END;

CREATE INDEX jobs_grp ON jobs (grp, seq) WHERE grp IS NOT NULL;
CREATE INDEX jobs_tag ON jobs (tag, seq) WHERE tag IS NOT NULL;
`
