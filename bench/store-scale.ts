/**
 * Store scale: builds a store of N jobs (default 1,000,000) directly in SQLite, then times the
 * queries the UI and API run against it, engine start-up on it, and bytes per job.
 * Usage: npx tsx bench/store-scale.ts [jobs]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pino from 'pino'
import { createEngine } from '../src/core/engine'
import { DATABASE_FILE_NAME } from '../src/core/config'
import { openDatabase } from '../src/core/store/database'
import { migrate } from '../src/core/store/migrations'
import { SEARCH_WORKER_SCRIPT, WORKER_SCRIPT } from '../test/helpers/test-engine'

const STATUSES: Array<[string, number]> = [['succeeded', 0.85], ['failed', 0.08], ['cancelled', 0.03], ['scheduled', 0.02], ['queued', 0.02]]

export function generateStore(file: string, count: number): void {
  const db = openDatabase(file)
  migrate(db)
  // Generation only: durability is irrelevant while the file is being built.
  db.pragma('synchronous = OFF')
  const insertJob = db.prepare(`INSERT INTO jobs (id, status, to_url, method, headers_json, to_auth, tag, grp, payload, retry_json,
    run_at, attempt_count, max_attempts, created_at, updated_at, finished_at, last_status, last_error)
    VALUES (?, ?, ?, 'POST', '{}', NULL, ?, ?, ?, NULL, ?, ?, 4, ?, ?, ?, ?, ?)`)
  const insertAttempt = db.prepare(`INSERT INTO attempts (job_seq, number, started_at, duration_ms, request_json, response_status,
    response_headers_json, response_body, response_truncated, error_code, error_message, outcome) VALUES (?, 1, ?, 12.5, ?, ?, '{}', 'ok', 0, NULL, NULL, ?)`)
  const start = Date.now() - count * 100
  const batch = 50_000
  for (let done = 0; done < count; done += batch) {
    db.transaction(() => {
      for (let i = done; i < Math.min(count, done + batch); i++) {
        let r = (i * 2654435761) % 1000 / 1000
        let status = 'succeeded'
        for (const [s, share] of STATUSES) {
          if (r < share) { status = s; break }
          r -= share
        }
        const created = start + i * 100
        const isFinished = status === 'succeeded' || status === 'failed' || status === 'cancelled'
        const info = insertJob.run(
          `group${i % 50}_tag${i % 200}_${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
          status,
          `http://127.0.0.1:9/hooks/customer-${i % 1000}`,
          `tag${i % 200}`,
          `group${i % 50}`,
          JSON.stringify({ event: 'order.paid', order_id: `ord_${i}`, amount: i % 10_000, currency: 'EUR', note: 'lorem ipsum dolor sit amet' }),
          created,
          isFinished ? 1 : 0,
          created,
          created,
          isFinished ? created + 50 : null,
          status === 'succeeded' ? 200 : status === 'failed' ? 500 : null,
          status === 'failed' ? 'HTTP 500' : null,
        )
        if (isFinished && status !== 'cancelled') {
          insertAttempt.run(info.lastInsertRowid, created + 10, '{"url":"http://127.0.0.1:9/","method":"POST","headers":{}}', status === 'succeeded' ? 200 : 500, status === 'succeeded' ? 'succeeded' : 'failed')
        }
      }
    })()
  }
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}

async function time<T>(fn: () => Promise<T>, runs = 7): Promise<{ medianMs: number; result: T }> {
  const samples: number[] = []
  let result: T | undefined
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    result = await fn()
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  return { medianMs: Math.round((samples[Math.floor(runs / 2)] ?? 0) * 100) / 100, result: result as T }
}

export async function measureStoreScale(count: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'hook-slinger-scale-'))
  try {
    const file = join(dir, DATABASE_FILE_NAME)
    const g0 = performance.now()
    generateStore(file, count)
    const generateMs = performance.now() - g0
    const bytes = statSync(file).size
    const s0 = performance.now()
    const engine = createEngine(
      { dataDir: dir, token: 'bench', port: 0, workerCount: 1 },
      { logger: pino({ level: 'silent' }), workerScript: WORKER_SCRIPT, searchWorkerScript: SEARCH_WORKER_SCRIPT, version: 'bench' },
    )
    await engine.start()
    const startupMs = performance.now() - s0
    // The search worker indexes the generated store in the background; time that, then query.
    const i0 = performance.now()
    await engine.waitForSearchIndex(30 * 60_000)
    const indexS = (performance.now() - i0) / 1000
    const api = engine.api()
    const list = await time(() => api.listJobs({ limit: 50 }))
    const page2 = await time(() => api.listJobs({ limit: 50, cursor: list.result.next_cursor ?? undefined }))
    const failed = await time(() => api.listJobs({ status: ['failed'], limit: 50 }))
    const group = await time(() => api.listJobs({ group: 'group7', limit: 50 }))
    const search = await time(() => api.listJobs({ q: `ord_${Math.floor(count / 2)}`, limit: 50 }))
    const searchCommon = await time(() => api.listJobs({ q: 'order.paid', limit: 50 }))
    const detail = await time(() => api.getJob({ id: list.result.items[10]!.id }))
    const stats = await time(() => api.getStats({}))
    await engine.stop()
    return {
      jobs: count,
      generate_s: Math.round(generateMs / 100) / 10,
      db_bytes_per_job: Math.round(bytes / count),
      startup_ms: Math.round(startupMs),
      search_index_build_s: Math.round(indexS * 10) / 10,
      list_page_ms: list.medianMs,
      list_next_page_ms: page2.medianMs,
      status_filter_ms: failed.medianMs,
      group_filter_ms: group.medianMs,
      text_search_rare_ms: search.medianMs,
      text_search_common_ms: searchCommon.medianMs,
      job_detail_ms: detail.medianMs,
      stats_ms: stats.medianMs,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  void measureStoreScale(Number(process.argv[2] ?? 1_000_000)).then((r) => console.log(JSON.stringify(r, null, 2)))
}
