/**
 * Retention: deletes finished jobs past their keep time (succeeded after `retentionSucceededDays`,
 * failed and cancelled after `retentionFailedDays`), a small batch per transaction so the write
 * lock is never held long, yielding to ingest between batches.
 */
import type { EngineConfig } from '../config'
import type { GroupCommit } from '../store/group-commit'
import type { Db } from '../store/database'

const DAY_MS = 24 * 60 * 60 * 1000

export interface Retention {
  /** One full pass; resolves with the number of jobs deleted. */
  runOnce(): Promise<number>
  start(): void
  stop(): void
}

export function createRetention(
  db: Db,
  groupCommit: GroupCommit,
  config: EngineConfig,
  clock: () => number,
  onError: (error: unknown) => void,
): Retention {
  // The partial index on finished_at walks only finished jobs, oldest first.
  const deleteBatch = db.prepare<{ statuses_json: string; before: number; limit: number }>(`
    DELETE FROM jobs WHERE seq IN (
      SELECT seq FROM jobs INDEXED BY jobs_finished
      WHERE finished_at IS NOT NULL AND finished_at < :before AND status IN (SELECT value FROM json_each(:statuses_json))
      ORDER BY finished_at LIMIT :limit)`)
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> | null = null

  async function prune(statuses: string[], keepDays: number): Promise<number> {
    if (keepDays <= 0) return 0
    const before = clock() - keepDays * DAY_MS
    let deleted = 0
    for (;;) {
      const changes = await groupCommit.submit(
        () => deleteBatch.run({ statuses_json: JSON.stringify(statuses), before, limit: config.batchSize }).changes,
      )
      deleted += changes
      if (changes < config.batchSize) return deleted
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  async function pass(): Promise<number> {
    return (await prune(['succeeded'], config.retentionSucceededDays)) + (await prune(['failed', 'cancelled'], config.retentionFailedDays))
  }

  return {
    runOnce() {
      running ??= pass().finally(() => {
        running = null
      })
      return running
    },
    start() {
      timer = setInterval(() => {
        void this.runOnce().catch(onError)
      }, config.retentionIntervalMs)
      timer.unref()
    },
    stop() {
      clearInterval(timer)
    },
  }
}
