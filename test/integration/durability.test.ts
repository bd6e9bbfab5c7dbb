/**
 * Crash safety: `serve` is killed with SIGKILL while jobs flow to a slow receiver and restarted on
 * the same data dir. Every job that got a 202 must be delivered at least once.
 * (The 20-round version belongs to the reliability suite; this short one runs in `npm test`.)
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { sendJobs } from '../helpers/load'
import { startReceiver } from '../helpers/receiver'
import { startServe, type ServeProcess } from '../helpers/serve-process'
import { tempDataDir } from '../helpers/temp-dir'
import { waitFor } from '../helpers/wait-for'

const ROUNDS = Number(process.env['DURABILITY_ROUNDS'] ?? 3)
const TOKEN = 'durability-token'

describe('kill -9 while jobs flow', () => {
  it(`delivers every accepted job at least once across ${ROUNDS} crashes`, { timeout: 120_000 }, async () => {
    const temp = tempDataDir()
    const receiver = await startReceiver(() => ({ status: 200, delayMs: 20 }))
    const accepted: string[] = []
    let serve: ServeProcess | undefined
    try {
      for (let round = 0; round < ROUNDS; round++) {
        serve = await startServe({ dataDir: temp.dir, token: TOKEN, env: { MAX_RETRIES: '10', INTERVAL: '0.05' } })
        let isKilled = false
        const load = sendJobs({ url: serve.url, token: TOKEN, toUrl: `${receiver.url}/crash`, count: 100_000, concurrency: 8, shouldStop: () => isKilled })
        // Kill at a random moment while ingests and deliveries are both in progress.
        await waitFor(() => receiver.requests.length > 0, { what: 'deliveries to start' })
        await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 400))
        serve.child.kill('SIGKILL')
        isKilled = true
        await serve.exited
        accepted.push(...(await load).accepted)
        const db = new Database(join(temp.dir, 'hook-slinger.db'))
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        db.close()
      }
      // Last start: no kill; everything accepted so far must arrive.
      serve = await startServe({ dataDir: temp.dir, token: TOKEN })
      const delivered = () => new Set(receiver.requests.map((r) => r.headers['webhook-id']))
      await waitFor(() => accepted.every((id) => delivered().has(id)), { timeoutMs: 60_000, intervalMs: 100, what: 'every accepted job to arrive' })
      serve.child.kill('SIGTERM')
      expect(await serve.exited).toBe(0)

      const ids = receiver.requests.map((r) => String(r.headers['webhook-id']))
      const duplicates = ids.length - new Set(ids).size
      expect(accepted.length).toBeGreaterThan(ROUNDS * 10)
      // Duplicates only come from deliveries in flight at a kill (at most 2 threads × 64 each time).
      expect(duplicates).toBeLessThanOrEqual(ROUNDS * 128)
      console.info(`durability: ${ROUNDS} kills, ${accepted.length} accepted, ${ids.length} deliveries, ${duplicates} duplicates`)
    } finally {
      serve?.child.kill('SIGKILL')
      await receiver.close()
      temp.cleanup()
    }
  })
})
