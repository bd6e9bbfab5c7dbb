/**
 * `GET /api/events`: engine events as Server-Sent Events. Each event carries `id: <seq>`; a client
 * reconnecting with `Last-Event-ID` (or `?last_event_id=`) gets what it missed, or a `resync` event
 * when that is older than the buffer. Comment lines keep idle connections (and proxies) alive.
 */
import type { FastifyInstance } from 'fastify'
import type { EngineEvent } from '../../shared/contract/events'
import type { EventBus } from '../events'

export const EVENTS_PATH = '/api/events'
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024

export function formatSse(event: EngineEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`
}

export interface EventsRouteOptions {
  events: () => EventBus
  heartbeatMs: number
  /** Streams to end when the server closes (otherwise close() waits for them forever). */
  streams: Set<() => void>
}

export function registerEventsRoute(app: FastifyInstance, options: EventsRouteOptions): void {
  app.get(EVENTS_PATH, (request, reply) => {
    const bus = options.events()
    const query = request.query as Record<string, string | undefined>
    const lastId = request.headers['last-event-id'] ?? query['last_event_id']
    const after = lastId === undefined || Array.isArray(lastId) ? null : Number.parseInt(lastId, 10)

    reply.hijack()
    const res = reply.raw
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    })
    res.write('retry: 2000\n\n')
    if (after !== null && Number.isSafeInteger(after)) {
      const missed = bus.since(after)
      if (missed === null) res.write(formatSse({ type: 'resync', seq: bus.lastSeq() }))
      else for (const event of missed) res.write(formatSse(event))
    }
    const unsubscribe = bus.subscribe((event) => {
      // A client that stops reading is cut off instead of buffering without bound; it reconnects
      // with Last-Event-ID and resumes (or resyncs).
      if (res.writableLength > MAX_BUFFERED_BYTES) end()
      else res.write(formatSse(event))
    })
    const heartbeat = setInterval(() => res.write(': ping\n\n'), options.heartbeatMs)
    function end(): void {
      clearInterval(heartbeat)
      unsubscribe()
      options.streams.delete(end)
      res.end()
    }
    options.streams.add(end)
    // The response's close (not the request's, which fires once the request body is read) means the client left.
    res.on('close', end)
  })
}
