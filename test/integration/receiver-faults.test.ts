/**
 * Misbehaving receivers: each ends in its documented state, the engine keeps serving, and memory
 * stays bounded. (A 503 with Retry-After, 429, timeouts, redirects and refused connections are in
 * delivery.test.ts; name-resolution failures are mapped in the unit tests: a lookup here would
 * query a resolver beyond this machine.)
 */
import { createServer as createHttpsServer } from 'node:https'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import selfsigned from 'selfsigned'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestEngine, type TestEngine } from '../helpers/test-engine'
import { waitFor } from '../helpers/wait-for'

const ONCE = { strategy: 'fixed', max_retries: 1, interval_ms: 10 }

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('receiver faults', () => {
  let t: TestEngine
  let http: Server
  let https: Server
  let httpHost: string
  let httpsHost: string
  let bigBodyBytesSent = 0

  beforeAll(async () => {
    http = createServer((req, res) => {
      req.resume()
      if (req.url === '/gone') {
        res.writeHead(410).end('gone')
      } else if (req.url === '/reset') {
        res.writeHead(200, { 'content-length': '1000' })
        res.write('partial')
        setTimeout(() => res.socket?.destroy(), 5)
      } else if (req.url === '/trickle') {
        res.writeHead(200, { 'content-type': 'text/plain' })
        const timer = setInterval(() => res.write('x'), 1000)
        res.on('close', () => clearInterval(timer))
      } else if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' })
        const chunk = Buffer.alloc(64 * 1024, 120)
        let sent = 0
        const pump = () => {
          while (sent < 20 * 1024 * 1024) {
            sent += chunk.length
            bigBodyBytesSent = sent
            if (!res.write(chunk)) return void res.once('drain', pump)
          }
          res.end()
        }
        res.on('close', () => undefined)
        pump()
      } else {
        res.writeHead(200).end('ok')
      }
    })
    httpHost = await listen(http)
    const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], { notAfterDate: new Date(Date.now() + 24 * 60 * 60 * 1000), keySize: 2048 })
    https = createHttpsServer({ key: pems.private, cert: pems.cert }, (_req, res) => res.writeHead(200).end('tls ok'))
    httpsHost = await listen(https)
    t = await createTestEngine({ requestTimeoutMs: 600 })
  })
  afterAll(async () => {
    await t.stop()
    http.closeAllConnections()
    https.closeAllConnections()
    await new Promise((resolve) => http.close(resolve))
    await new Promise((resolve) => https.close(resolve))
  })

  async function deliver(url: string, retry: object = ONCE) {
    const { status, json } = await t.ingest({ to_url: url, payload: { fault: url }, retry })
    expect(status).toBe(202)
    const id = json['job_id'] as string
    const job = await waitFor(() => {
      const row = t.engine.repo().getById(id)
      return row && (row.status === 'succeeded' || row.status === 'failed') && row
    }, { what: `${url} to settle`, timeoutMs: 15_000 })
    return { job, attempts: t.engine.repo().attemptsOf(job.seq) }
  }

  it('fails a 410 at once', async () => {
    const { job, attempts } = await deliver(`http://${httpHost}/gone`)
    expect(job).toMatchObject({ status: 'failed', attempt_count: 1, last_status: 410 })
    expect(attempts).toHaveLength(1)
  })

  it('retries a connection reset mid-response, then fails', async () => {
    const { job, attempts } = await deliver(`http://${httpHost}/reset`)
    expect(job).toMatchObject({ status: 'failed', attempt_count: 2, last_status: null })
    expect(attempts.map((a) => a.error_code)).toEqual(['connection_reset', 'connection_reset'])
  })

  it('times out a body trickling at 1 byte per second', async () => {
    const { job, attempts } = await deliver(`http://${httpHost}/trickle`)
    expect(job.status).toBe('failed')
    expect(attempts.map((a) => a.error_code)).toEqual(['timeout', 'timeout'])
  })

  it('keeps the first 64 KiB of a 20 MB response and stops reading', async () => {
    const rssBefore = process.memoryUsage().rss
    const { job, attempts } = await deliver(`http://${httpHost}/huge`, { strategy: 'fixed', max_retries: 0, interval_ms: 0 })
    expect(job).toMatchObject({ status: 'succeeded', last_status: 200 })
    expect(attempts[0]).toMatchObject({ response_truncated: 1 })
    expect(attempts[0]!.response_body).toHaveLength(64 * 1024)
    // The engine hung up instead of draining 20 MB, and nothing near that size was held.
    expect(bigBodyBytesSent).toBeLessThan(20 * 1024 * 1024)
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(40 * 1024 * 1024)
  })

  it('records a TLS error against a self-signed https receiver, and retries it', async () => {
    const { job, attempts } = await deliver(`https://${httpsHost}/`)
    expect(job).toMatchObject({ status: 'failed', attempt_count: 2 })
    expect(attempts.map((a) => a.error_code)).toEqual(['tls', 'tls'])
    expect(attempts[0]!.error_message).toMatch(/certificate/i)
  })

  it('refuses a cloud-metadata destination at ingest', async () => {
    const { status, json } = await t.ingest({ to_url: 'http://169.254.169.254/latest/meta-data/', payload: {} })
    expect(status).toBe(400)
    expect(json['detail']).toMatch(/^to_url: 169.254.169.254 is a link-local, cloud-metadata/)
  })

  it('keeps serving', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
  })
})

describe('private targets', () => {
  it('refuses private ranges only when asked, and always allows loopback', async () => {
    const receiver = createServer((req, res) => {
      req.resume()
      res.end('ok')
    })
    const host = await listen(receiver)
    const t = await createTestEngine({ blockPrivateTargets: true })
    try {
      const refused = await t.ingest({ to_url: 'http://10.1.2.3/hook', payload: {} })
      expect(refused.status).toBe(400)
      expect(refused.json['detail']).toMatch(/private range/)
      const local = await t.ingest({ to_url: `http://${host}/ok`, payload: {} })
      expect(local.status).toBe(202)
      await waitFor(() => t.engine.repo().getById(local.json['job_id'] as string)?.status === 'succeeded', { what: 'loopback delivery' })
    } finally {
      await t.stop()
      receiver.close()
    }
  })
})
