/**
 * The search database's schema, created by the engine before the worker starts (so the read
 * connection can attach it at once) and by the worker itself (idempotent).
 */
import Database from 'better-sqlite3'

export const SEARCH_DB_FILE_NAME = 'search.db'

export const SEARCH_SCHEMA = `
  CREATE VIRTUAL TABLE IF NOT EXISTS jobs_fts USING fts5(
    id, to_url, tag, grp, payload,
    content = '', contentless_delete = 1, tokenize = 'trigram'
  );
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
`

export function ensureSearchDb(file: string): void {
  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    db.exec(SEARCH_SCHEMA)
  } finally {
    db.close()
  }
}

/** A read-only connection to the jobs with the search index attached as `search`. */
export function openSearchReader(mainDbPath: string, searchDbPath: string): Database.Database {
  const reader = new Database(mainDbPath, { readonly: true, fileMustExist: true })
  reader.pragma('busy_timeout = 5000')
  reader.prepare('ATTACH DATABASE ? AS search').run(searchDbPath)
  return reader
}
