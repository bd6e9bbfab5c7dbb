/**
 * Numbered schema migrations. Each runs in its own transaction and is recorded with a SHA-256 of its
 * SQL, so a migration edited after release fails loudly instead of silently diverging.
 * Append new migrations; never edit a released one.
 */
import { createHash } from 'node:crypto'
import type { Db } from './database'
import { INITIAL_SCHEMA } from './schema/001-initial'
import { COUNTS_AND_FILTERS } from './schema/002-counts-and-filters'
import { SEARCH_INDEX } from './schema/003-search'
import { REPLAY_INDEX } from './schema/004-replay-index'
import { SEARCH_OUT_OF_BAND } from './schema/005-search-out-of-band'

export interface Migration {
  id: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'initial', sql: INITIAL_SCHEMA },
  { id: 2, name: 'counts-and-filters', sql: COUNTS_AND_FILTERS },
  { id: 3, name: 'search', sql: SEARCH_INDEX },
  { id: 4, name: 'replay-index', sql: REPLAY_INDEX },
  { id: 5, name: 'search-out-of-band', sql: SEARCH_OUT_OF_BAND },
]

export function hashMigration(sql: string): string {
  return createHash('sha256').update(sql).digest('hex')
}

export class MigrationMismatchError extends Error {
  constructor(id: number) {
    super(`migration ${id} differs from the one applied to this database (edited after release?)`)
    this.name = 'MigrationMismatchError'
  }
}

/** Applies pending migrations; returns the ids it applied. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, nowMs = Date.now()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS _migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, applied_at INTEGER NOT NULL
  ) STRICT`)
  const applied = new Map(
    db
      .prepare<[], { id: number; hash: string }>('SELECT id, hash FROM _migrations')
      .all()
      .map((row) => [row.id, row.hash]),
  )
  const record = db.prepare('INSERT INTO _migrations (id, name, hash, applied_at) VALUES (?, ?, ?, ?)')
  const done: number[] = []
  // Table rebuilds (drop + rename) must not cascade: foreign keys are off while migrating (the pragma
  // cannot change inside a transaction) and checked before they are turned back on.
  const hadForeignKeys = db.pragma('foreign_keys', { simple: true }) === 1
  db.pragma('foreign_keys = OFF')
  try {
    for (const migration of migrations) {
      const hash = hashMigration(migration.sql)
      const known = applied.get(migration.id)
      if (known !== undefined) {
        if (known !== hash) throw new MigrationMismatchError(migration.id)
        continue
      }
      db.transaction(() => {
        db.exec(migration.sql)
        const broken = db.pragma('foreign_key_check') as unknown[]
        if (broken.length > 0) throw new Error(`migration ${migration.id} broke ${broken.length} foreign key(s)`)
        record.run(migration.id, migration.name, hash, nowMs)
      }).immediate()
      done.push(migration.id)
    }
  } finally {
    if (hadForeignKeys) db.pragma('foreign_keys = ON')
  }
  return done
}
