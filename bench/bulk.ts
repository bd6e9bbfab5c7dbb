/**
 * Bulk actions on 100,000 matching jobs while ingest goes on: the bulk runs in batches (one short
 * transaction each), so ingest latency during it stays low. Usage: node --import tsx bench/bulk.ts [jobs]
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DATABASE_FILE_NAME } from '../src/core/config'
import { openDatabase } from '../src/core/store/database'
import { migrate } from '../src/core/store/migrations'
import { startBenchReceiver } from './bench-receiver'
import { paced, percentile } from './load'
import { BENCH_TOKEN } from './targets'
import { startServe } from '../test/helpers/serve-process'
import { tempDataDir } from '../test/helpers/temp-dir'

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000)
  const temp = tempDataDir('hook-slinger-bulk-')
  const db = openDatabase(join(temp.dir, DATABASE_FILE_NAME))
  migrate(db)
  db.pragma('synchronous = OFF')
  const insert = db.prepare(`INSERT INTO jobs (id, status, to_url, method, headers_json, tag, grp, payload, run_at, max_attempts, created_at, updated_at)
    VALUES (?, 'scheduled', 'http://127.0.0.1:9/later', 'POST', '{}', 'later', 'bulk', '{"n":1}', ?, 4, ?, ?)`)
  const future = Date.now() + 24 * 60 * 60 * 1000
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(`bulk_later_${i}`, future, Date.now(), Date.now())
  })()
  db.close()
  const receiver = await startBenchReceiver()
  const serve = await startServe({ dataDir: temp.dir, token: BENCH_TOKEN, env: { LOG_LEVEL: 'warn' } })
  try {
    const call = async (body: object) =>
      (await (await fetch(`${serve.url}/api/jobs/bulk`, { method: 'POST', headers: { authorization: `Token ${BENCH_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { count: number }
    const d0 = performance.now()
    const dry = await call({ action: 'cancel', filter: { group: 'bulk' }, dry_run: true })
    const dryMs = performance.now() - d0
    // Ingest at 200 jobs/s while the bulk cancel runs.
    const ingest = paced(serve.url, `${receiver.url}/during`, 200, 4000)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const b0 = performance.now()
    const real = await call({ action: 'cancel', filter: { group: 'bulk' } })
    const bulkMs = performance.now() - b0
    const record = await ingest
    console.log(
      JSON.stringify(
        {
          matching_jobs: count,
          dry_run_count: dry.count,
          dry_run_ms: Math.round(dryMs),
          cancelled: real.count,
          bulk_ms: Math.round(bulkMs),
          ingest_during_bulk: { accepted: record.accepted, p50_ms: Math.round(percentile(record.latencies, 0.5) * 10) / 10, p99_ms: Math.round(percentile(record.latencies, 0.99) * 10) / 10, max_ms: Math.round(Math.max(...record.latencies)) },
        },
        null,
        2,
      ),
    )
  } finally {
    serve.child.kill('SIGTERM')
    await serve.exited
    await receiver.close()
    temp.cleanup()
  }
}

void main()
