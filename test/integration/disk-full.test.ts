/**
 * Disk trouble: the database hits its ceiling. A capped database (PRAGMA max_page_count) fails
 * writes with SQLITE_FULL exactly as a full filesystem does, through the same code path, without
 * needing mount privileges in CI. Expected: 503 with a detail, no 202 for anything not stored, and
 * recovery by itself once there is room again.
 */
import { describe, expect, it } from 'vitest'
import { startReceiver } from '../helpers/receiver'
import { createTestEngine } from '../helpers/test-engine'
import { waitFor } from '../helpers/wait-for'

describe('a full database', () => {
  it('answers 503 while full, stores nothing it refused, and recovers when space returns', async () => {
    const receiver = await startReceiver()
    const t = await createTestEngine()
    try {
      t.engine.setDeliveriesPaused(true)
      const accepted: string[] = []
      // Fill: cap the file just above its current size, then send until refused.
      t.engine.setDatabaseLimit(200 * 1024)
      let refusal: { status: number; json: Record<string, unknown> } | null = null
      for (let i = 0; i < 2000 && refusal === null; i++) {
        const answer = await t.ingest({ to_url: `${receiver.url}/full`, payload: { i, blob: 'x'.repeat(2000) } })
        if (answer.status === 202) accepted.push(answer.json['job_id'] as string)
        else refusal = answer
      }
      expect(refusal).not.toBeNull()
      expect(refusal!.status).toBe(503)
      expect(refusal!.json['detail']).toMatch(/Storage unavailable \(SQLITE_FULL\); the job was not stored/)
      // Every 202 is stored; nothing else is.
      const counts = t.engine.repo().countByStatus()
      expect((counts.queued ?? 0) + (counts.scheduled ?? 0)).toBe(accepted.length)
      for (const id of accepted) expect(t.engine.repo().getById(id)).toBeDefined()
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200)

      // Space returns: ingest and delivery carry on by themselves.
      t.engine.setDatabaseLimit(null)
      const after = await t.ingest({ to_url: `${receiver.url}/full`, payload: { after: true } })
      expect(after.status).toBe(202)
      t.engine.setDeliveriesPaused(false)
      await waitFor(() => receiver.requests.length === accepted.length + 1, { timeoutMs: 20_000, what: 'every accepted job to be delivered' })
      console.info(`disk full: ${accepted.length} accepted before the cap, then 503; ${accepted.length + 1} delivered after space returned, 0 lost`)
    } finally {
      await t.stop()
      await receiver.close()
    }
  })
})
