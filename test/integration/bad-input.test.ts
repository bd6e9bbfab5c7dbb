/**
 * Bad input: the fixture corpus of malformed ingest requests, a property-based fuzz of the ingest
 * endpoint, and absurdly deep payloads. Never a 5xx, never a stored row for a refused request,
 * always a `detail` that names the problem, and the engine keeps serving.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReceiver, type Receiver } from '../helpers/receiver'
import { createTestEngine, TEST_TOKEN, type TestEngine } from '../helpers/test-engine'
import { waitFor } from '../helpers/wait-for'

interface BadCase {
  name: string
  content_type: string | null
  authorization: string | null
  body: string
  status: number
  detail: string
}

const corpus = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'bad-ingest.json'), 'utf8')) as { cases: BadCase[] }

describe('bad input', () => {
  let t: TestEngine
  let receiver: Receiver
  const stored = () => Object.values(t.engine.repo().countByStatus()).reduce((a, b) => a + (b ?? 0), 0)

  async function post(body: string, contentType: string | null = 'application/json', authorization: string | null = `Token ${TEST_TOKEN}`) {
    const headers: Record<string, string> = {}
    if (contentType !== null) headers['content-type'] = contentType
    if (authorization !== null) headers['authorization'] = authorization
    const response = await fetch(`${t.url}/hook_slinger/`, { method: 'POST', headers, body })
    const text = await response.text()
    let json: { detail?: unknown } = {}
    try {
      json = JSON.parse(text) as { detail?: unknown }
    } catch {
      // asserted below: every answer is JSON
    }
    return { status: response.status, json, text }
  }

  beforeAll(async () => {
    receiver = await startReceiver()
    t = await createTestEngine()
  })
  afterAll(async () => {
    await t.stop()
    await receiver.close()
  })

  it('has a corpus of at least 60 cases', () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(60)
  })

  it.each(corpus.cases.map((c) => [c.name, c] as const))('refuses %s with the right status and a detail, storing nothing', async (_name, c) => {
    const before = stored()
    const authorization = c.authorization === 'valid' ? `Token ${TEST_TOKEN}` : c.authorization === null ? null : c.authorization.replace('VALID', TEST_TOKEN)
    const { status, json, text } = await post(c.body, c.content_type, authorization)
    expect(status, text.slice(0, 300)).toBe(c.status)
    expect(typeof json.detail, text.slice(0, 300)).toBe('string')
    expect((json.detail as string).length).toBeGreaterThan(0)
    expect(json.detail as string).toContain(c.detail)
    expect(stored()).toBe(before)
  })

  it('stays alive after the corpus', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
    expect((await post(JSON.stringify({ to_url: `${receiver.url}/alive`, payload: {} }))).status).toBe(202)
  })

  it('never answers 5xx or stores a refused request, whatever JSON or bytes it gets', async () => {
    const field = <T>(valid: fc.Arbitrary<T>) => fc.oneof(valid, fc.jsonValue(), fc.constant(undefined))
    const body = fc.record(
      {
        to_url: field(fc.constantFrom(`${receiver.url}/fuzz`, 'http://127.0.0.1:1/x', 'ftp://x/', 'http://169.254.169.254/')),
        to_auth: field(fc.string()),
        tag: field(fc.string({ maxLength: 300 })),
        group: field(fc.string({ maxLength: 300 })),
        payload: field(fc.dictionary(fc.string(), fc.jsonValue())),
        headers: field(fc.dictionary(fc.string({ maxLength: 20 }), fc.string())),
        method: field(fc.constantFrom('POST', 'PUT', 'PATCH', 'GET')),
        delay_ms: field(fc.integer({ min: -10, max: 10 })),
      },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(fc.oneof(body.map((b) => JSON.stringify(b)), fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))), async (raw) => {
        const before = stored()
        const { status } = await post(raw)
        expect(status).toBeLessThan(500)
        if (status !== 202) expect(stored()).toBe(before)
        else expect(stored()).toBe(before + 1)
      }),
      { numRuns: 300 },
    )
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
  })

  it.each([10_000, 100_000])('handles a payload nested %i levels deep without crashing', async (depth) => {
    const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    const { status, json } = await post(`{"to_url":"${receiver.url}/deep-${depth}","payload":${nested}}`)
    expect(status === 202 || (status >= 400 && status < 500), JSON.stringify(json).slice(0, 200)).toBe(true)
    if (status === 202) await waitFor(() => receiver.requests.some((r) => r.path === `/deep-${depth}`), { what: 'the deep payload delivery' })
    else expect(json.detail).toMatch(/payload|JSON|nest/i)
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
  })
})
