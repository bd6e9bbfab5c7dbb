/**
 * The contract suite: one set of expectations about `EngineClient`, run against every transport
 * (in-process, HTTP + SSE, and later IPC). If they all pass, the UI cannot tell them apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineClient } from '../../src/shared/contract/client'
import { EngineError } from '../../src/shared/contract/errors'
import type { EngineEvent } from '../../src/shared/contract/events'
import { startReceiver, type Receiver } from '../helpers/receiver'
import { createTestEngine, type TestEngine } from '../helpers/test-engine'
import { waitFor } from '../helpers/wait-for'

export function describeEngineApiContract(transport: string, makeClient: (t: TestEngine) => EngineClient): void {
  describe(`EngineClient contract over ${transport}`, () => {
    let t: TestEngine
    let client: EngineClient
    let receiver: Receiver

    beforeAll(async () => {
      receiver = await startReceiver((request) => {
        if (request.path.startsWith('/fail')) return { status: 500 }
        if (request.path.startsWith('/reject')) return { status: 400 }
        return { status: 200, body: '{"received":true}', headers: { 'content-type': 'application/json' } }
      })
      t = await createTestEngine({ retryPolicy: { strategy: 'fixed', max_retries: 1, interval_ms: 20 } })
      client = makeClient(t)
    })
    afterAll(async () => {
      await t.stop()
      await receiver.close()
    })

    async function ingest(path: string, extra: Record<string, unknown> = {}): Promise<string> {
      const { status, json } = await t.ingest({ to_url: `${receiver.url}${path}`, payload: { path }, ...extra })
      expect(status).toBe(202)
      return json['job_id'] as string
    }
    const settled = (id: string, status = ['succeeded', 'failed']) =>
      waitFor(async () => {
        const job = await client.getJob({ id })
        return status.includes(job.status) && job
      }, { what: `${id} to settle` })
    const expectError = async (promise: Promise<unknown>, code: string) => {
      const error = await promise.then(() => null, (e: unknown) => e)
      expect(error).toBeInstanceOf(EngineError)
      expect((error as EngineError).code).toBe(code)
      expect((error as EngineError).message).not.toBe('')
    }

    it('gets a job with its attempts, secrets redacted', async () => {
      const id = await ingest('/ok', { to_auth: 'Bearer hunter2', headers: { 'X-Api-Key': 'k3y', 'X-Trace': 't' }, tag: 'contract', group: 'g1' })
      const job = await settled(id)
      expect(job).toMatchObject({ id, status: 'succeeded', tag: 'contract', group: 'g1', has_auth: true, attempt_count: 1, payload: { path: '/ok' } })
      expect(job.headers).toEqual({ 'X-Api-Key': '[redacted]', 'X-Trace': 't' })
      expect(job.attempts).toHaveLength(1)
      expect(job.attempts[0]).toMatchObject({ number: 1, response_status: 200, response_body: '{"received":true}', outcome: 'succeeded', response_truncated: false })
      expect(job.attempts[0]!.request.headers['authorization']).toBe('[redacted]')
      expect(job.attempts[0]!.request.body).toBe('{"path":"/ok"}')
      expect(JSON.stringify(job)).not.toMatch(/hunter2|k3y/)
    })

    it('answers not_found for an unknown job', async () => {
      await expectError(client.getJob({ id: 'nope' }), 'not_found')
    })

    it('rejects invalid input with invalid_request naming the field', async () => {
      const error = await client.listJobs({ limit: 9999 }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(EngineError)
      expect((error as EngineError).message).toMatch(/^limit: /)
    })

    it('lists newest first with filters and complete cursor pagination', async () => {
      const ids: string[] = []
      for (let i = 0; i < 7; i++) ids.push(await ingest(`/ok/page-${i}`, { group: 'paging', tag: i % 2 ? 'odd' : 'even' }))
      await Promise.all(ids.map((id) => settled(id)))
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const page = await client.listJobs({ group: 'paging', limit: 3, cursor })
        expect(page.total).toBe(7)
        seen.push(...page.items.map((j) => j.id))
        cursor = page.next_cursor ?? undefined
      } while (cursor)
      expect(seen).toEqual([...ids].reverse())
      const odd = await client.listJobs({ group: 'paging', tag: 'odd' })
      expect(odd.items.map((j) => j.tag)).toEqual(['odd', 'odd', 'odd'])
      expect(odd.total).toBe(3)
      expect((await client.listJobs({ q: 'page-4' })).items.map((j) => j.id)).toEqual([ids[4]])
      // Substring, case-insensitive, quotes and LIKE wildcards taken literally; short texts fall back to a scan.
      expect((await client.listJobs({ q: 'PAGE-4' })).items.map((j) => j.id)).toEqual([ids[4]])
      expect((await client.listJobs({ q: '"page-4' })).total).toBe(0)
      expect((await client.listJobs({ q: 'page_%' })).total).toBe(0)
      expect((await client.listJobs({ q: 'od', group: 'paging' })).items.map((j) => j.tag)).toEqual(['odd', 'odd', 'odd'])
      const exact = await client.listJobs({ q: 'paging' })
      expect(exact).toMatchObject({ total: 7, is_total_exact: true })
      expect((await client.listJobs({ to_url: '/ok/page-' })).total).toBeGreaterThanOrEqual(7)
      expect((await client.listJobs({ status: ['succeeded'], group: 'paging' })).total).toBe(7)
      expect((await client.listJobs({ status: ['failed', 'cancelled'], group: 'paging' })).total).toBe(0)
      expect((await client.listJobs({ group: 'paging', created_after: new Date(Date.now() + 60_000).toISOString() })).total).toBe(0)
    })

    it('replays a job as a new linked job, optionally edited', async () => {
      const source = await ingest('/ok/source')
      await settled(source)
      const replay = await client.replayJob({ id: source })
      expect(replay).toMatchObject({ replay_of: source })
      expect(replay.id).not.toBe(source)
      const edited = await client.replayJob({ id: source, payload: { edited: true }, to_url: `${receiver.url}/ok/edited` })
      await settled(edited.id)
      expect(receiver.requests.find((r) => r.path === '/ok/edited')?.body).toBe('{"edited":true}')
      expect((await client.listJobs({ replay_of: source })).items.map((j) => j.id).sort()).toEqual([replay.id, edited.id].sort())
      // History is never mutated.
      expect((await client.getJob({ id: source })).attempts).toHaveLength(1)
      await expectError(client.replayJob({ id: source, to_url: 'ftp://nope' }), 'invalid_request')
    })

    it('retries a failed job now, keeping its history, and refuses a succeeded one', async () => {
      const id = await ingest('/fail/once')
      expect(await settled(id)).toMatchObject({ status: 'failed', attempt_count: 2 })
      const retried = await client.retryJob({ id })
      expect(['queued', 'delivering', 'scheduled', 'failed']).toContain(retried.status)
      const again = await waitFor(async () => {
        const job = await client.getJob({ id })
        return job.status === 'failed' && job.attempt_count === 4 && job
      }, { what: 'the retried job to fail again' })
      expect(again.attempts.map((a) => a.number)).toEqual([1, 2, 3, 4])
      const ok = await ingest('/ok/done')
      await settled(ok)
      await expectError(client.retryJob({ id: ok }), 'conflict')
    })

    it('cancels a scheduled job and refuses to cancel a finished one', async () => {
      const id = await ingest('/ok/later', { delay_ms: 60_000 })
      expect(await client.cancelJob({ id })).toMatchObject({ id, status: 'cancelled' })
      await expectError(client.cancelJob({ id }), 'conflict')
    })

    it('deletes a job', async () => {
      const id = await ingest('/ok/delete-me')
      await settled(id)
      expect(await client.deleteJob({ id })).toEqual({ id, deleted: true })
      await expectError(client.getJob({ id }), 'not_found')
    })

    it('counts with a dry run, then applies a bulk action', async () => {
      for (let i = 0; i < 4; i++) await ingest('/ok/bulk', { group: 'bulk', delay_ms: 60_000 })
      expect(await client.bulkJobs({ action: 'cancel', filter: { group: 'bulk' }, dry_run: true })).toEqual({ action: 'cancel', dry_run: true, count: 4 })
      expect((await client.listJobs({ group: 'bulk', status: ['scheduled'] })).total).toBe(4)
      expect(await client.bulkJobs({ action: 'cancel', filter: { group: 'bulk' } })).toEqual({ action: 'cancel', dry_run: false, count: 4 })
      expect((await client.listJobs({ group: 'bulk', status: ['cancelled'] })).total).toBe(4)
      expect((await client.bulkJobs({ action: 'delete', filter: { group: 'bulk' } })).count).toBe(4)
      expect((await client.listJobs({ group: 'bulk' })).total).toBe(0)
    })

    it('reports stats', async () => {
      const stats = await client.getStats({})
      expect(stats.total).toBe(Object.values(stats.counts).reduce((a, b) => a + b, 0))
      expect(stats.counts.succeeded).toBeGreaterThan(0)
      expect(stats.per_minute.length).toBeGreaterThan(0)
      expect(stats.success_rate).toBeGreaterThan(0)
      expect(stats.latency_ms.p50).toBeGreaterThan(0)
      expect(stats.latency_ms.p95).toBeGreaterThanOrEqual(stats.latency_ms.p50 ?? 0)
    })

    it('scales workers live and validates the count', async () => {
      expect((await client.setWorkers({ count: 3 })).count).toBe(3)
      expect((await client.getWorkers({})).items.filter((w) => w.state === 'active')).toHaveLength(3)
      await expectError(client.setWorkers({ count: 0 }), 'invalid_request')
      expect((await client.setWorkers({ count: 2 })).count).toBe(2)
    })

    it('reads, validates and updates settings', async () => {
      const before = await client.getSettings({})
      expect(before).toMatchObject({ worker_count: 2, retention: { succeeded_days: 7, failed_days: 30 } })
      const after = await client.updateSettings({ request_timeout_ms: 12_000, retry_policy: { strategy: 'schedule', delays_ms: [10, 20] } })
      expect(after).toMatchObject({ request_timeout_ms: 12_000, retry_policy: { strategy: 'schedule', delays_ms: [10, 20] } })
      expect(await client.getSettings({})).toEqual(after)
      await expectError(client.updateSettings({ request_timeout_ms: -5 }), 'invalid_request')
      await client.updateSettings({ request_timeout_ms: before.request_timeout_ms, retry_policy: before.retry_policy })
    })

    it('streams events for a new job: created, updated, attempt finished', async () => {
      const received: EngineEvent[] = []
      const states: string[] = []
      const unsubscribe = client.subscribe((event) => received.push(event), (state) => states.push(state))
      try {
        await waitFor(() => states.includes('live'), { what: 'the event stream' })
        const id = await ingest('/ok/events')
        await waitFor(() => received.some((e) => e.type === 'attempt:finished' && e.job_id === id), { what: 'attempt:finished' })
        const mine = received.filter((e) => ('job' in e && e.job.id === id) || ('job_id' in e && e.job_id === id))
        expect(mine.map((e) => e.type)).toEqual(['job:created', 'job:updated', 'job:updated', 'attempt:finished'])
        expect(mine.map((e) => ('job' in e ? e.job.status : null))).toEqual(['queued', 'delivering', 'succeeded', null])
        const seqs = received.map((e) => e.seq)
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
      } finally {
        unsubscribe()
      }
    })
  })
}
