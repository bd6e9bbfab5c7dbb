import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobStatus } from '../../src/shared/wire/job-status'
import { startReceiver, type Receiver, type Responder } from '../helpers/receiver'
import { createTestEngine, type TestEngine } from '../helpers/test-engine'
import { waitFor } from '../helpers/wait-for'

describe('delivery and retries', () => {
  let t: TestEngine
  let receiver: Receiver
  const responders = new Map<string, Responder>()

  beforeAll(async () => {
    // Each test picks its receiver behaviour by path, so tests stay independent on one receiver.
    receiver = await startReceiver((request, index) => {
      const responder = responders.get(request.path.split('?')[0] ?? '')
      return responder ? responder(request, index) : { status: 200 }
    })
    t = await createTestEngine({ retryPolicy: { strategy: 'fixed', max_retries: 3, interval_ms: 50 }, requestTimeoutMs: 500 })
  })
  afterAll(async () => {
    await t.stop()
    await receiver.close()
  })

  async function send(path: string, extra: Record<string, unknown> = {}): Promise<string> {
    const { status, json } = await t.ingest({ to_url: `${receiver.url}${path}`, payload: { path }, ...extra })
    expect(status).toBe(202)
    return json['job_id'] as string
  }
  const job = (id: string) => t.engine.repo().getById(id)
  const attempts = (id: string) => t.engine.repo().attemptsOf(job(id)!.seq)
  const settle = (id: string, statuses: JobStatus[] = ['succeeded', 'failed']) =>
    waitFor(() => statuses.includes(job(id)!.status) && job(id), { what: `job ${id} to settle` })
  const hits = (path: string) => receiver.requests.filter((r) => r.path === path)

  it('sends the payload with the documented headers and records the attempt', async () => {
    responders.set('/ok', () => ({ status: 200, body: 'thanks', headers: { 'x-receiver': 'yes' } }))
    const id = await send('/ok', { to_auth: 'Bearer s3cret', headers: { 'X-Event': 'order.paid' }, method: 'PUT' })
    const done = await settle(id)
    expect(done).toMatchObject({ status: 'succeeded', attempt_count: 1, last_status: 200, last_error: null })
    expect(done.finished_at).not.toBeNull()
    const [request] = hits('/ok')
    expect(request).toMatchObject({ method: 'PUT', body: JSON.stringify({ path: '/ok' }) })
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'hook-slinger/0.0.0-test',
      'webhook-id': id,
      authorization: 'Bearer s3cret',
      'x-event': 'order.paid',
    })
    const [attempt] = attempts(id)
    expect(attempt).toMatchObject({ number: 1, response_status: 200, response_body: 'thanks', response_truncated: 0, outcome: 'succeeded', error_code: null })
    expect(JSON.parse(attempt!.response_headers_json!)).toMatchObject({ 'x-receiver': 'yes' })
    const recorded = JSON.parse(attempt!.request_json) as { url: string; method: string; headers: Record<string, string> }
    expect(recorded).toMatchObject({ url: `${receiver.url}/ok`, method: 'PUT' })
    // Secrets never reach the stored history.
    expect(recorded.headers['authorization']).toBe('[redacted]')
    expect(attempt!.request_json).not.toContain('s3cret')
  })

  it.each([201, 202, 204])('counts HTTP %i as delivered', async (status) => {
    responders.set(`/status-${status}`, () => ({ status, body: '' }))
    const id = await send(`/status-${status}`)
    expect(await settle(id)).toMatchObject({ status: 'succeeded', last_status: status })
  })

  it('retries a 5xx and succeeds on the next 2xx', async () => {
    responders.set('/flaky', (_req, index) => ({ status: hits('/flaky').length === 1 ? 500 : 200, body: String(index) }))
    const id = await send('/flaky')
    expect(await settle(id)).toMatchObject({ status: 'succeeded', attempt_count: 2 })
    expect(attempts(id).map((a) => [a.response_status, a.outcome])).toEqual([[500, 'retry'], [200, 'succeeded']])
  })

  it('gives up after exactly 1 + MAX_RETRIES attempts with the same webhook-id', async () => {
    responders.set('/down', () => ({ status: 503 }))
    const id = await send('/down')
    expect(await settle(id)).toMatchObject({ status: 'failed', attempt_count: 4, last_status: 503, last_error: 'HTTP 503' })
    expect(hits('/down')).toHaveLength(4)
    expect(new Set(hits('/down').map((r) => r.headers['webhook-id']))).toEqual(new Set([id]))
    expect(attempts(id).map((a) => a.outcome)).toEqual(['retry', 'retry', 'retry', 'failed'])
  })

  it('fails a 400 after one attempt', async () => {
    responders.set('/bad', () => ({ status: 400, body: 'no' }))
    const id = await send('/bad')
    expect(await settle(id)).toMatchObject({ status: 'failed', attempt_count: 1, last_status: 400 })
    expect(hits('/bad')).toHaveLength(1)
  })

  it('waits for Retry-After on a 429 before trying again', async () => {
    responders.set('/busy', () => (hits('/busy').length === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 }))
    const id = await send('/busy')
    expect(await settle(id, ['succeeded'])).toMatchObject({ attempt_count: 2 })
    const [first, second] = hits('/busy')
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950)
  })

  it('records a timeout when the receiver never answers', async () => {
    responders.set('/hang', () => ({ hang: true }))
    const id = await send('/hang', { retry: { strategy: 'fixed', max_retries: 0, interval_ms: 0 } })
    expect(await settle(id)).toMatchObject({ status: 'failed', attempt_count: 1, last_status: null })
    expect(attempts(id)[0]).toMatchObject({ error_code: 'timeout', response_status: null, outcome: 'failed' })
  })

  it('retries a refused connection and records why', async () => {
    const closed = await startReceiver()
    const url = `${closed.url}/gone`
    await closed.close()
    const { json } = await t.ingest({ to_url: url, payload: {}, retry: { strategy: 'fixed', max_retries: 1, interval_ms: 10 } })
    const id = json['job_id'] as string
    expect(await settle(id)).toMatchObject({ status: 'failed', attempt_count: 2 })
    expect(attempts(id).map((a) => a.error_code)).toEqual(['connection_refused', 'connection_refused'])
    expect(job(id)!.last_error).toMatch(/^connection_refused: /)
  })

  it('does not follow a redirect', async () => {
    responders.set('/moved', () => ({ status: 302, headers: { location: '/elsewhere' } }))
    const id = await send('/moved', { retry: { strategy: 'fixed', max_retries: 0, interval_ms: 0 } })
    expect(await settle(id)).toMatchObject({ status: 'failed', last_status: 302 })
    expect(hits('/elsewhere')).toHaveLength(0)
  })

  it('keeps only the first 64 KiB of a large response body', async () => {
    responders.set('/big', () => ({ status: 200, body: 'y'.repeat(300 * 1024) }))
    const id = await send('/big')
    await settle(id)
    const [attempt] = attempts(id)
    expect(attempt).toMatchObject({ response_truncated: 1 })
    expect(attempt!.response_body).toHaveLength(64 * 1024)
  })

  it('holds a delayed job until its time, then delivers it', async () => {
    const id = await send('/later', { delay_ms: 300 })
    expect(job(id)!.status).toBe('scheduled')
    const done = await settle(id)
    expect(hits('/later')[0]!.at - done.created_at).toBeGreaterThanOrEqual(290)
  })

  it('applies a per-job retry override', async () => {
    responders.set('/override', () => ({ status: 500 }))
    const id = await send('/override', { retry: { strategy: 'schedule', delays_ms: [10] } })
    expect(await settle(id)).toMatchObject({ status: 'failed', attempt_count: 2, max_attempts: 2 })
  })
})

describe('pausing deliveries', () => {
  it('stores jobs while paused and delivers them on resume', async () => {
    const receiver = await startReceiver()
    const t = await createTestEngine()
    try {
      t.engine.setDeliveriesPaused(true)
      const { json } = await t.ingest({ to_url: `${receiver.url}/paused`, payload: {} })
      const id = json['job_id'] as string
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(t.engine.repo().getById(id)?.status).toBe('queued')
      expect(receiver.requests).toHaveLength(0)
      t.engine.setDeliveriesPaused(false)
      await waitFor(() => t.engine.repo().getById(id)?.status === 'succeeded', { what: 'delivery after resume' })
    } finally {
      await t.stop()
      await receiver.close()
    }
  })
})
