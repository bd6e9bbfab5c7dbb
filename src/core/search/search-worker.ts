/**
 * Entry of the search worker thread. Keeps `search.db`: a contentless trigram FTS5 index of each
 * job's id, URL, tag, group and payload, keyed by the job's seq. Off the engine's single write path,
 * so indexing never slows ingest; the index is rebuildable from the jobs at any time (delete the file).
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import type { FromSearchWorker, SearchWorkerData, ToSearchWorker } from './protocol'
import { SEARCH_SCHEMA } from './search-schema'

const port = parentPort
if (!port) throw new Error('the search worker must run in a worker thread')
const config = workerData as SearchWorkerData

const search = new Database(config.searchDbPath)
search.pragma('journal_mode = WAL')
// Rebuildable from the jobs, so a lost tail after a power cut costs nothing but re-indexing.
search.pragma('synchronous = NORMAL')
search.exec(SEARCH_SCHEMA)
const main = new Database(config.mainDbPath, { readonly: true, fileMustExist: true })
main.pragma('busy_timeout = 5000')

const readMeta = search.prepare<[string], number>('SELECT value FROM meta WHERE key = ?').pluck()
const writeMeta = search.prepare<[string, number]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
const insert = search.prepare<[number, string, string, string | null, string | null, string]>(
  'INSERT INTO jobs_fts (rowid, id, to_url, tag, grp, payload) VALUES (?, ?, ?, ?, ?, ?)',
)
const purgeBelow = search.prepare<[number]>('DELETE FROM jobs_fts WHERE rowid < ?')
const newJobs = main.prepare<[number, number], { seq: number; id: string; to_url: string; tag: string | null; grp: string | null; payload: string }>(
  'SELECT seq, id, to_url, tag, grp, payload FROM jobs WHERE seq > ? ORDER BY seq LIMIT ?',
)
const maxSeq = main.prepare<[], number | null>('SELECT MAX(seq) FROM jobs').pluck()
const minSeq = main.prepare<[], number | null>('SELECT MIN(seq) FROM jobs').pluck()

let indexedUpto = readMeta.get('indexed_upto') ?? 0
// A search.db from another store (the jobs were wiped): start over.
if (indexedUpto > (maxSeq.get() ?? 0)) {
  search.exec('DELETE FROM jobs_fts; DELETE FROM meta;')
  indexedUpto = 0
}

const waiting = new Map<number, number>()
let isScheduled = false

function post(message: FromSearchWorker): void {
  port!.postMessage(message)
}

function answerWaiting(): void {
  for (const [id, upto] of waiting) {
    if (upto <= indexedUpto) {
      waiting.delete(id)
      post({ type: 'caught-up', id, upto: indexedUpto })
    }
  }
}

/** Indexes one batch; true when there may be more. */
function indexBatch(): boolean {
  const rows = newJobs.all(indexedUpto, config.batchSize)
  if (rows.length === 0) return false
  search.transaction(() => {
    for (const row of rows) insert.run(row.seq, row.id, row.to_url, row.tag, row.grp, row.payload)
    const last = rows[rows.length - 1]!.seq
    writeMeta.run('indexed_upto', last)
    indexedUpto = last
  })()
  return rows.length === config.batchSize
}

function pump(): void {
  isScheduled = false
  try {
    const hasMore = indexBatch()
    answerWaiting()
    if (hasMore) schedule()
  } catch (error) {
    post({ type: 'error', message: (error as Error).message })
  }
}

function schedule(): void {
  if (isScheduled) return
  isScheduled = true
  // One batch per turn, so catch-up requests are answered between batches of a long rebuild.
  setImmediate(pump)
}

/** Retention deletes the oldest jobs: drop their entries (results are joined with jobs anyway). */
function purge(): void {
  const oldest = minSeq.get()
  const below = oldest ?? indexedUpto + 1
  if (below > (readMeta.get('purged_below') ?? 0)) {
    purgeBelow.run(below)
    writeMeta.run('purged_below', below)
  }
}

port.on('message', (message: ToSearchWorker) => {
  if (message.type === 'catch-up') {
    waiting.set(message.id, message.upto)
    answerWaiting()
  }
  schedule()
})
setInterval(() => {
  try {
    purge()
  } catch (error) {
    post({ type: 'error', message: (error as Error).message })
  }
}, config.purgeIntervalMs).unref()
schedule()
