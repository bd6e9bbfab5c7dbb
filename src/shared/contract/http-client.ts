/**
 * `EngineClient` over HTTP + Server-Sent Events, generated from the operation table. Isomorphic
 * (fetch, streams, TextDecoderStream): the web dashboard uses it with its session cookie, scripts
 * and tests with the token header. Events are read with fetch rather than EventSource so the token
 * header works outside browsers and reconnection (with Last-Event-ID) is under our control.
 */
import { createParser } from 'eventsource-parser'
import type { ConnectionState, EngineClient } from './client'
import { EngineError, ERROR_CODES, isErrorCode, type ErrorCode } from './errors'
import type { EngineEvent } from './events'
import { OPERATION_NAMES, operations, type OperationName } from './operations'

export interface HttpClientOptions {
  /** e.g. `http://127.0.0.1:5000` or `location.origin`. */
  baseUrl: string
  /** Sent as `Authorization: Token …`; omit in the browser, where the session cookie is used. */
  token?: string
  fetch?: typeof fetch
  /** First reconnect delay; doubles up to 10 s. Default 500 ms. */
  reconnectDelayMs?: number
}

const EVENTS_PATH = '/api/events'

function codeForStatus(status: number): ErrorCode {
  const match = (Object.entries(ERROR_CODES) as Array<[ErrorCode, number]>).find(([, s]) => s === status)
  return match ? match[0] : status >= 500 ? 'internal' : 'invalid_request'
}

/** Splits an input into the path (params filled in), the query string and the JSON body. */
export function toHttpRequest(name: OperationName, input: Record<string, unknown>): { method: string; path: string; body?: string } {
  const { method, path } = operations[name]
  const rest: Record<string, unknown> = { ...input }
  const filled = path.replace(/:([a-z_]+)/g, (_match, key: string) => {
    const value = rest[key]
    delete rest[key]
    return encodeURIComponent(String(value ?? ''))
  })
  if (method === 'GET' || method === 'DELETE') {
    const query = new URLSearchParams()
    for (const [key, value] of Object.entries(rest)) {
      if (value === undefined || value === null) continue
      query.set(key, Array.isArray(value) ? value.join(',') : String(value))
    }
    const text = query.toString()
    return { method, path: text ? `${filled}?${text}` : filled }
  }
  return { method, path: filled, body: JSON.stringify(rest) }
}

export function createHttpClient(options: HttpClientOptions): EngineClient {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args))
  const base = options.baseUrl.replace(/\/$/, '')
  const authHeaders: Record<string, string> = options.token ? { authorization: `Token ${options.token}` } : {}

  async function call(name: OperationName, input: unknown): Promise<unknown> {
    const request = toHttpRequest(name, (input ?? {}) as Record<string, unknown>)
    const response = await doFetch(`${base}${request.path}`, {
      method: request.method,
      headers: { accept: 'application/json', ...authHeaders, ...(request.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: request.body,
      credentials: 'same-origin',
    })
    const text = await response.text()
    const json: unknown = text === '' ? null : JSON.parse(text)
    if (!response.ok) {
      const error = (json ?? {}) as { detail?: unknown; code?: unknown }
      const code = isErrorCode(error.code) ? error.code : codeForStatus(response.status)
      throw new EngineError(code, typeof error.detail === 'string' ? error.detail : `HTTP ${response.status}`)
    }
    return json
  }

  function subscribe(listener: (event: EngineEvent) => void, onState: (state: ConnectionState) => void = () => undefined): () => void {
    let isStopped = false
    let lastEventId: string | null = null
    let controller: AbortController | null = null
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    let delayMs = options.reconnectDelayMs ?? 500

    async function connect(): Promise<void> {
      onState('connecting')
      controller = new AbortController()
      try {
        const response = await doFetch(`${base}${EVENTS_PATH}`, {
          headers: { accept: 'text/event-stream', ...authHeaders, ...(lastEventId === null ? {} : { 'last-event-id': lastEventId }) },
          credentials: 'same-origin',
          signal: controller.signal,
        })
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`)
        onState('live')
        delayMs = options.reconnectDelayMs ?? 500
        const parser = createParser({
          onEvent(message) {
            if (message.id !== undefined) lastEventId = message.id
            const event = JSON.parse(message.data) as EngineEvent
            if (event.type === 'resync') onState('resyncing')
            listener(event)
            if (event.type === 'resync') onState('live')
          },
        })
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          parser.feed(value)
        }
      } catch {
        // Network error, abort, or a refused stream: fall through to the reconnect below.
      }
      if (isStopped) return
      onState('offline')
      retryTimer = setTimeout(() => void connect(), delayMs)
      delayMs = Math.min(delayMs * 2, 10_000)
    }

    void connect()
    return () => {
      isStopped = true
      clearTimeout(retryTimer)
      controller?.abort()
    }
  }

  const client = { subscribe } as Partial<EngineClient> & Pick<EngineClient, 'subscribe'>
  for (const name of OPERATION_NAMES) {
    ;(client as Record<string, unknown>)[name] = (input: unknown) => call(name, input)
  }
  return client as EngineClient
}
