/**
 * What only the HTTP transport has: auth by header or cookie, Origin refusal, SSE resume, the
 * OpenAPI document and docs page, Prometheus metrics; plus settings persistence and retention.
 */
import { validate, compileErrors } from '@readme/openapi-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpClient } from '../../src/shared/contract/http-client'
import type { EngineEvent } from '../../src/shared/contract/events'
import { startReceiver, type Receiver } from '../helpers/receiver'
import { createTestEngine, TEST_TOKEN, type TestEngine } from '../helpers/test-engine'
import { tempDataDir } from '../helpers/temp-dir'
import { waitFor } from '../helpers/wait-for'

const auth = { authorization: `Token ${TEST_TOKEN}` }

/** Reads an SSE stream until `count` events arrived, or one matches `until` (bounded by the test timeout). */
async function readEvents(url: string, headers: Record<string, string>, count: number, until?: (event: EngineEvent) => boolean): Promise<EngineEvent[]> {
  const controller = new AbortController()
  const response = await fetch(`${url}/api/events`, { headers: { ...auth, ...headers }, signal: controller.signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const events: EngineEvent[] = []
  let buffer = ''
  while (events.length < count && !(until && events.some(until))) {
    const { value, done } = await reader.read()
    if (done) break
    buffer += value
    const blocks = buffer.split('\n\n')
    buffer = blocks.pop() ?? ''
    for (const block of blocks) {
      const data = block.split('\n').find((line) => line.startsWith('data: '))
      if (data) events.push(JSON.parse(data.slice(6)) as EngineEvent)
    }
  }
  controller.abort()
  return events
}

describe('management over HTTP', () => {
  let t: TestEngine
  let receiver: Receiver

  beforeAll(async () => {
    receiver = await startReceiver()
    t = await createTestEngine({ eventBufferSize: 20 })
  })
  afterAll(async () => {
    await t.stop()
    await receiver.close()
  })
  const send = async (path = '/x') => (await t.ingest({ to_url: `${receiver.url}${path}`, payload: { path } })).json['job_id'] as string

  it('requires the token on /api, /metrics and /openapi.json but not /healthz', async () => {
    for (const path of ['/api/jobs', '/api/stats', '/metrics', '/openapi.json', '/api/events']) {
      const response = await fetch(`${t.url}${path}`)
      expect(response.status, path).toBe(403)
      expect(((await response.json()) as { detail: string }).detail).toMatch(/Authorization: Token/)
    }
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
    expect((await fetch(`${t.url}/api/jobs`, { headers: auth })).status).toBe(200)
  })

  it('logs a browser in with ?token= (HttpOnly, SameSite=Strict cookie) and strips the token', async () => {
    const response = await fetch(`${t.url}/docs?token=${TEST_TOKEN}&x=1`, { redirect: 'manual' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/docs?x=1')
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).not.toContain(TEST_TOKEN)
    const session = cookie.split(';')[0]!
    expect((await fetch(`${t.url}/api/stats`, { headers: { cookie: session } })).status).toBe(200)
    expect((await fetch(`${t.url}/api/stats`, { headers: { cookie: 'hook_slinger_session=forged' } })).status).toBe(403)
    expect((await fetch(`${t.url}/docs?token=wrong`, { redirect: 'manual' })).status).toBe(403)
  })

  it('shows a token prompt, not JSON, to a browser without a session', async () => {
    const response = await fetch(`${t.url}/docs`, { headers: { accept: 'text/html' } })
    expect(response.status).toBe(401)
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    expect(await response.text()).toMatch(/<input id="token" name="token"/)
  })

  it('refuses requests from other browser origins, even with the token', async () => {
    const id = await send()
    const evil = await fetch(`${t.url}/api/jobs/${id}`, { headers: { ...auth, origin: 'http://evil.example' } })
    expect(evil.status).toBe(403)
    expect(await evil.json()).toMatchObject({ detail: 'Cross-origin requests are refused' })
    const sneaky = await fetch(`${t.url}/api/jobs`, { headers: { ...auth, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' } })
    expect(sneaky.status).toBe(403)
    const own = new URL(t.url)
    expect((await fetch(`${t.url}/api/jobs/${id}`, { headers: { ...auth, origin: own.origin } })).status).toBe(200)
  })

  it('resumes the event stream from Last-Event-ID, and says resync when the gap is too old', async () => {
    let id = ''
    const isMine = (e: EngineEvent) => ('job' in e && e.job.id === id) || ('job_id' in e && e.job_id === id)
    const first = readEvents(t.url, {}, 1000, (e) => e.type === 'job:created' && isMine(e))
    await waitFor(async () => (await fetch(`${t.url}/api/stats`, { headers: auth })).ok)
    id = await send('/resume')
    // Events of jobs from earlier tests may come first.
    const created = (await first).find((e) => e.type === 'job:created' && isMine(e))
    expect(created).toMatchObject({ type: 'job:created', job: { id } })
    // Reconnect as if the connection dropped right after job:created: the rest is replayed.
    const resumed = (await readEvents(t.url, { 'last-event-id': String(created!.seq) }, 1000, (e) => e.type === 'attempt:finished' && isMine(e))).filter(isMine)
    expect(resumed.map((e) => e.type)).toEqual(['job:updated', 'job:updated', 'attempt:finished'])
    expect(resumed[0]!.seq).toBeGreaterThan(created!.seq)
    // With a 20-event buffer, an id from before 30 more events cannot be replayed.
    const keepListening = readEvents(t.url, {}, 1000)
    for (let i = 0; i < 10; i++) await send('/flood')
    await waitFor(async () => (await t.engine.api().getStats({})).counts.succeeded >= 11, { what: 'deliveries' })
    const gap = await readEvents(t.url, { 'last-event-id': '1' }, 1)
    expect(gap[0]).toMatchObject({ type: 'resync' })
    void keepListening.catch(() => undefined)
  })

  it('serves a valid OpenAPI 3.1 document with the original ingest example', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking an untyped JSON document
    const document = (await (await fetch(`${t.url}/openapi.json`, { headers: auth })).json()) as Record<string, any>
    const result = await validate(structuredClone(document) as unknown as Parameters<typeof validate>[0])
    expect(result.valid, compileErrors(result)).toBe(true)
    expect(document['openapi']).toBe('3.1.0')
    const ingest = document['paths']['/hook_slinger/']['post']
    expect(ingest.requestBody.content['application/json'].example).toMatchObject({ tag: 'Dhaka', group: 'Bangladesh' })
    expect(Object.keys(document['paths'])).toEqual(expect.arrayContaining(['/api/jobs', '/api/jobs/{id}', '/api/jobs/{id}/replay', '/api/jobs/bulk', '/api/stats', '/api/workers', '/api/settings', '/api/events', '/metrics']))
    expect(document['paths']['/api/jobs']['get'].parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['status', 'group', 'tag', 'q', 'limit', 'cursor']))
  })

  it('serves the interactive docs from local assets only', async () => {
    const page = await fetch(`${t.url}/docs`, { headers: auth })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('/docs/swagger-ui-bundle.js')
    expect(html).not.toMatch(/https?:\/\//)
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    const bundle = await fetch(`${t.url}/docs/swagger-ui-bundle.js`, { headers: auth })
    expect(bundle.status).toBe(200)
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000)
    expect(await (await fetch(`${t.url}/docs/init.js`, { headers: auth })).text()).toContain("url: '/openapi.json'")
  })

  it('exposes Prometheus metrics prefixed hook_slinger_', async () => {
    const id = await send('/metrics-job')
    await waitFor(() => t.engine.repo().getById(id)?.status === 'succeeded')
    const text = await (await fetch(`${t.url}/metrics`, { headers: auth })).text()
    expect(text).toMatch(/^hook_slinger_attempts_total\{outcome="succeeded"\} \d+/m)
    expect(text).toMatch(/^hook_slinger_jobs\{status="succeeded"\} \d+/m)
    expect(text).toMatch(/^hook_slinger_attempt_duration_seconds_bucket\{le="0.1"\} \d+/m)
    expect(text).toMatch(/^hook_slinger_queue_depth \d+/m)
    expect(text).toMatch(/^hook_slinger_workers 2/m)
    expect(text).toMatch(/^hook_slinger_jobs_ingested_total \d+/m)
  })

  it('applies a new body limit without restart', async () => {
    const client = createHttpClient({ baseUrl: t.url, token: TEST_TOKEN })
    await client.updateSettings({ body_limit_bytes: 2048 })
    const big = await t.ingest({ to_url: `${receiver.url}/big`, payload: { blob: 'x'.repeat(3000) } })
    expect(big.status).toBe(413)
    await client.updateSettings({ body_limit_bytes: 1024 * 1024 })
    expect((await t.ingest({ to_url: `${receiver.url}/big`, payload: { blob: 'x'.repeat(3000) } })).status).toBe(202)
  })
})

describe('settings persistence', () => {
  it('keeps settings across restarts, and explicit host config wins over them', async () => {
    const temp = tempDataDir()
    try {
      const first = await createTestEngine({}, { dataDir: temp.dir })
      await first.engine.api().updateSettings({ worker_count: 3, retention: { succeeded_days: 1, failed_days: 2 }, request_timeout_ms: 5000 })
      await first.engine.stop()
      const second = await createTestEngine({}, { dataDir: temp.dir })
      expect(await second.engine.api().getSettings({})).toMatchObject({ worker_count: 3, retention: { succeeded_days: 1, failed_days: 2 }, request_timeout_ms: 5000 })
      expect(second.engine.workers()).toHaveLength(3)
      await second.engine.stop()
      const third = await createTestEngine({ workerCount: 1 }, { dataDir: temp.dir })
      expect((await third.engine.api().getSettings({})).worker_count).toBe(1)
      await third.engine.stop()
    } finally {
      temp.cleanup()
    }
  })
})

describe('retention', () => {
  it('prunes succeeded jobs past their keep time and keeps failed ones', async () => {
    const receiver = await startReceiver((request) => ({ status: request.path === '/bad' ? 400 : 200 }))
    // 1e-6 days is 86 ms: old enough after a short wait.
    const t = await createTestEngine({ retentionSucceededDays: 1e-6, retentionFailedDays: 30, batchSize: 2 })
    try {
      const ok = await Promise.all([1, 2, 3, 4, 5].map(async () => (await t.ingest({ to_url: `${receiver.url}/ok`, payload: {} })).json['job_id'] as string))
      const bad = (await t.ingest({ to_url: `${receiver.url}/bad`, payload: {} })).json['job_id'] as string
      await waitFor(() => [...ok, bad].every((id) => ['succeeded', 'failed'].includes(t.engine.repo().getById(id)?.status ?? '')))
      await new Promise((resolve) => setTimeout(resolve, 150))
      expect(await t.engine.runRetention()).toBe(5)
      expect(ok.map((id) => t.engine.repo().getById(id))).toEqual([undefined, undefined, undefined, undefined, undefined])
      expect(t.engine.repo().getById(bad)?.status).toBe('failed')
      expect((await t.engine.api().getStats({})).counts.succeeded).toBe(0)
    } finally {
      await t.stop()
      await receiver.close()
    }
  })
})
