/**
 * The "bare pipe" baseline: the same ingest API (token, body, 202 answer) on plain node:http, that
 * stores nothing and forwards each payload with undici at once. It is the practical ceiling of this
 * machine for the job, so Hook Slinger's figures are read as a ratio to it, measured side by side.
 * Usage (as a child process): node --import tsx bench/baseline-server.ts  → prints {"url": ...}
 */
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Agent, request } from 'undici'

const token = process.env['API_TOKEN'] ?? 'bench'
const agent = new Agent({ connections: 128, keepAliveTimeout: 10_000 })

const server = createServer((req, res) => {
  if (req.method !== 'POST' || !req.url?.startsWith('/hook_slinger')) {
    res.writeHead(404).end()
    return
  }
  if (req.headers.authorization !== `Token ${token}`) {
    res.writeHead(403, { 'content-type': 'application/json' }).end('{"detail":"forbidden"}')
    return
  }
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    let body: { to_url?: unknown; payload?: unknown; tag?: string | null; group?: string | null }
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"detail":"malformed JSON"}')
      return
    }
    if (typeof body.to_url !== 'string' || typeof body.payload !== 'object' || body.payload === null) {
      res.writeHead(422, { 'content-type': 'application/json' }).end('{"detail":"invalid"}')
      return
    }
    const jobId = [body.group, body.tag, randomUUID()].filter(Boolean).join('_')
    res.writeHead(202, { 'content-type': 'application/json' }).end(
      JSON.stringify({ status: 'queued', ok: true, message: 'Webhook registration successful.', job_id: jobId, queued_at: new Date().toISOString() }),
    )
    request(body.to_url, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json', 'webhook-id': jobId },
      body: JSON.stringify(body.payload),
    })
      .then((response) => response.body.dump())
      .catch(() => undefined)
  })
})
server.keepAliveTimeout = 30_000
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  process.stdout.write(`${JSON.stringify({ ingest_url: `http://127.0.0.1:${port}/hook_slinger/` })}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
