/**
 * Migration 003: full-text search for the jobs list's `q` and `to_url` filters. A trigram FTS5
 * index over id, URL, tag, group and payload answers substring searches on millions of jobs in
 * milliseconds (a LIKE scan took ~1 s on 1M jobs and blocked the writer). External content: the
 * text lives once, in `jobs`. Jobs never change these columns, so insert and delete triggers suffice.
 */
export const SEARCH_INDEX = `
CREATE VIRTUAL TABLE jobs_fts USING fts5(
  id, to_url, tag, grp, payload,
  content = 'jobs', content_rowid = 'seq', tokenize = 'trigram'
);

INSERT INTO jobs_fts (jobs_fts) VALUES ('rebuild');

CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN
  INSERT INTO jobs_fts (rowid, id, to_url, tag, grp, payload)
  VALUES (NEW.seq, NEW.id, NEW.to_url, NEW.tag, NEW.grp, NEW.payload);
END;

CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN
  INSERT INTO jobs_fts (jobs_fts, rowid, id, to_url, tag, grp, payload)
  VALUES ('delete', OLD.seq, OLD.id, OLD.to_url, OLD.tag, OLD.grp, OLD.payload);
END;
`
