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
