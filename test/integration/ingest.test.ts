import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestEngine, TEST_TOKEN, type TestEngine } from '../helpers/test-engine'
import { startReceiver, type Receiver } from '../helpers/receiver'
import { waitFor } from '../helpers/wait-for'

const run = promisify(execFile)
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}'

describe('POST /hook_slinger/', () => {
  let t: TestEngine
  let receiver: Receiver
  const stored = () => Object.values(t.engine.repo().countByStatus()).reduce((a, b) => a + (b ?? 0), 0)

  beforeAll(async () => {
    receiver = await startReceiver()
    t = await createTestEngine({ bodyLimitBytes: 64 * 1024 })
  })
  afterAll(async () => {
    await t.stop()
    await receiver.close()
  })

  const body = () => ({ to_url: `${receiver.url}/hook`, to_auth: '', tag: 'Dhaka', group: 'Bangladesh', payload: { greetings: 'Hello, world!' } })

  it("answers 202 with the original's body, after the job is stored", async () => {
    const before = Date.now()
    const { status, json } = await t.ingest(body())
    expect(status).toBe(202)
    expect(json).toEqual({
      status: 'queued',
      ok: true,
      message: 'Webhook registration successful.',
      job_id: expect.stringMatching(new RegExp(`^Bangladesh_Dhaka_${UUID}$`)),
      queued_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    })
    const queuedAt = Date.parse(json['queued_at'] as string)
    expect(queuedAt).toBeGreaterThanOrEqual(before - 5)
    expect(queuedAt).toBeLessThanOrEqual(Date.now())
    // Stored before the answer: the row is readable the moment 202 arrives.
    expect(t.engine.repo().getById(json['job_id'] as string)).toMatchObject({ to_url: `${receiver.url}/hook`, grp: 'Bangladesh', tag: 'Dhaka' })
  })

  it('accepts the path without the trailing slash', async () => {
    const response = await fetch(`${t.url}/hook_slinger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Token ${TEST_TOKEN}` },
      body: JSON.stringify(body()),
    })
    expect(response.status).toBe(202)
  })

  it('leaves a missing group or tag out of the job id', async () => {
    const onlyTag = await t.ingest({ ...body(), group: null })
    const none = await t.ingest({ to_url: `${receiver.url}/hook`, payload: { a: 1 } })
    expect(onlyTag.json['job_id']).toMatch(new RegExp(`^Dhaka_${UUID}$`))
    expect(none.json['job_id']).toMatch(new RegExp(`^${UUID}$`))
  })

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Token nope' }],
    ['the token in another scheme', { authorization: `Bearer ${TEST_TOKEN}` }],
  ])('answers 403 for %s, says how to send the token and stores nothing', async (_name, headers) => {
    const count = stored()
    const response = await fetch(`${t.url}/hook_slinger/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body()),
    })
    expect(response.status).toBe(403)
    expect((await response.json()) as unknown).toMatchObject({ detail: expect.stringContaining("Authorization: Token <token>") })
    expect(stored()).toBe(count)
  })

  it.each([
    ['a non-http scheme', { to_url: 'ftp://example.com/x' }, 400, 'to_url'],
    ['a URL without host', { to_url: 'http://' }, 400, 'to_url'],
    ['a bad port', { to_url: 'http://127.0.0.1:70000/' }, 400, 'to_url'],
    ['a payload that is not an object', { payload: [1] }, 422, 'payload'],
    ['a missing payload', { payload: undefined }, 422, 'payload'],
    ['a tag of the wrong type', { tag: 1 }, 422, 'tag'],
    ['CR/LF in to_auth', { to_auth: 'Token a\r\nX-Injected: 1' }, 422, 'to_auth'],
    ['CR/LF in a header value', { headers: { 'X-A': 'a\r\nb' } }, 422, 'headers.X-A'],
    ['an invalid header name', { headers: { 'X A': 'b' } }, 422, 'headers'],
  ])('rejects %s with the right status naming the field, storing nothing', async (_name, patch, expected, field) => {
    const count = stored()
    const { status, json } = await t.ingest({ ...body(), ...patch })
    expect(status).toBe(expected)
    expect(json['detail']).toEqual(expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}`)))
    expect(stored()).toBe(count)
  })

  it('answers 400 for malformed JSON', async () => {
    const { status, json } = await t.ingest(null, { rawBody: '{"to_url": "http://x", ' })
    expect(status).toBe(400)
    expect(json['detail']).toMatch(/Malformed JSON/)
  })

  it('answers 415 when the body is not JSON', async () => {
    const { status, json } = await t.ingest(null, { rawBody: 'to_url=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(status).toBe(415)
    expect(json['detail']).toMatch(/application\/json/)
    const plain = await t.ingest(null, { rawBody: '{}', headers: { 'content-type': 'text/plain' } })
    expect(plain.status).toBe(415)
  })

  it('answers 413 for a body over the limit', async () => {
    const count = stored()
    const { status, json } = await t.ingest({ ...body(), payload: { blob: 'x'.repeat(70 * 1024) } })
    expect(status).toBe(413)
    expect(json['detail']).toMatch(/larger than the configured limit/)
    expect(stored()).toBe(count)
  })

  it('serves /healthz without a token and 404s unknown routes with a detail', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
    const missing = await fetch(`${t.url}/nope`, { headers: { authorization: `Token ${TEST_TOKEN}` } })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ detail: 'Not Found' })
  })
})

describe("the original README's curl example", () => {
  const ORIGINAL_TOKEN = '$5$1O/inyTZhNvFt.GW$Zfckz9OL.lm2wh3IewTm8YJ914wjz5txFnXG5XW.wb4'

  it('is queued and delivered when API_TOKEN is set to the token it uses', async () => {
    const receiver = await startReceiver()
    const t = await createTestEngine({ token: ORIGINAL_TOKEN })
    try {
      const { stdout } = await run('curl', [
        '-sS', '-X', 'POST', `${t.url}/hook_slinger/`,
        '-H', 'accept: application/json',
        '-H', `Authorization: Token ${ORIGINAL_TOKEN}`,
        '-H', 'Content-Type: application/json',
        '-d', JSON.stringify({ to_url: `${receiver.url}/37ad9530`, to_auth: '', tag: 'Dhaka', group: 'Bangladesh', payload: { greetings: 'Hello, world!' } }, null, 2),
      ])
      const answer = JSON.parse(stdout) as { job_id: string; status: string; ok: boolean }
      expect(answer).toMatchObject({ status: 'queued', ok: true })
      const [delivered] = await waitFor(() => receiver.byWebhookId(answer.job_id).length > 0 && receiver.byWebhookId(answer.job_id), { what: 'delivery' })
      expect(JSON.parse(delivered!.body)).toEqual({ greetings: 'Hello, world!' })
    } finally {
      await t.stop()
      await receiver.close()
    }
  })
})
