/**
 * Messages between the engine and the search worker thread, which keeps the trigram index of jobs
 * in its own file. The worker reads new jobs from the main database (read-only; WAL lets it read
 * while the engine writes) and never writes there.
 */
export interface SearchWorkerData {
  mainDbPath: string
  searchDbPath: string
  /** Jobs indexed per transaction. */
  batchSize: number
  /** How often deleted jobs' entries are purged. */
  purgeIntervalMs: number
}

export type ToSearchWorker =
  /** New jobs were committed: index them. */
  | { type: 'nudge' }
  /** Answer with `caught-up` once every job up to `upto` is indexed. */
  | { type: 'catch-up'; id: number; upto: number }

export type FromSearchWorker =
  | { type: 'caught-up'; id: number; upto: number }
  | { type: 'error'; message: string }
