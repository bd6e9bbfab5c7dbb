/**
 * The engine's single SQLite write connection. Owned by the main thread (one writer; worker threads
 * never touch the database). Called by the engine at start-up.
 */
import Database from 'better-sqlite3'

export type Db = Database.Database

/**
 * Opens (creating if needed) the database file with the pragmas the queue relies on:
 * WAL so readers never block the writer, synchronous=FULL so a committed 202 survives power loss,
 * busy_timeout for external readers (CLI, backups), and foreign keys for attempt cleanup.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  return db
}

/** SQLite's own ceiling for max_page_count: "no limit". */
const NO_PAGE_LIMIT = 4294967294

/**
 * Caps the database file (null lifts the cap). Past it, writes fail with SQLITE_FULL exactly as on a
 * full disk: the group commit rolls back and ingest answers 503 until there is room again.
 */
export function setDatabaseLimit(db: Db, maxBytes: number | null): void {
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const pages = maxBytes === null ? NO_PAGE_LIMIT : Math.max(1, Math.floor(maxBytes / pageSize))
  db.pragma(`max_page_count = ${pages}`)
}
