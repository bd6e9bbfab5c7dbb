/**
 * A real HTTP receiver on 127.0.0.1 (port 0) that records every request and answers as told.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
  /** performance-independent arrival time, epoch ms */
  at: number
}

export interface ReceiverReply {
  status?: number
  headers?: Record<string, string>
  body?: string
  /** Wait this long before answering. */
  delayMs?: number
  /** Never answer (the test's timeout path). */
  hang?: boolean
}

export type Responder = (request: ReceivedRequest, index: number) => ReceiverReply

export interface Receiver {
  url: string
  port: number
  requests: ReceivedRequest[]
  /** Requests whose body or webhook-id header matched. */
  byWebhookId(id: string): ReceivedRequest[]
  setResponder(responder: Responder): void
  close(): Promise<void>
}

export async function startReceiver(responder: Responder = () => ({ status: 200 })): Promise<Receiver> {
  const requests: ReceivedRequest[] = []
  let respond = responder
  const hanging = new Set<ServerResponse>()
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      }
      const index = requests.push(received) - 1
      const reply = respond(received, index)
      if (reply.hang) {
        hanging.add(res)
        return
      }
      const send = (): void => {
        res.writeHead(reply.status ?? 200, { 'content-type': 'text/plain', ...reply.headers })
        res.end(reply.body ?? 'ok')
      }
      if (reply.delayMs) setTimeout(send, reply.delayMs)
      else send()
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    byWebhookId: (id) => requests.filter((r) => r.headers['webhook-id'] === id),
    setResponder(next) {
      respond = next
    },
    async close() {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
