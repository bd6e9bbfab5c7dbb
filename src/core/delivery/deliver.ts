/**
 * One HTTP delivery attempt with undici. Runs inside a delivery worker thread; never throws: every
 * failure becomes a `DeliveryResult` with an error code.
 */
import { performance } from 'node:perf_hooks'
import { request, type Dispatcher } from 'undici'
import { refusalOf, type AddressPolicy } from './address-policy'
import type { DeliveryErrorCode, DeliveryResult, DeliveryTask } from './protocol'
import { BLOCKED_TARGET } from './safe-lookup'

const TLS_ERROR = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/i

function errorCodeOf(error: unknown): string | undefined {
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | null
  const code = withCode?.code ?? withCode?.cause?.code
  return typeof code === 'string' ? code : undefined
}

/** Maps Node and undici error codes to the small vocabulary the UI and retry policy use. */
export function classifyDeliveryError(error: unknown, hasTimedOut: boolean): DeliveryErrorCode {
  if (hasTimedOut) return 'timeout'
  const code = errorCodeOf(error) ?? ''
  switch (code) {
    case BLOCKED_TARGET:
      return 'blocked_target'
    case 'ECONNREFUSED':
      return 'connection_refused'
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return 'connection_reset'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
      return 'dns'
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timeout'
  }
  return TLS_ERROR.test(code) ? 'tls' : 'network'
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

export async function deliver(task: DeliveryTask, dispatcher: Dispatcher, policy: AddressPolicy): Promise<DeliveryResult> {
  const startedAt = Date.now()
  const t0 = performance.now()
  const signal = AbortSignal.timeout(task.timeoutMs)
  const base = { deliveryId: task.deliveryId, startedAt }
  // IP literals never reach the resolver, so they are checked here.
  const refusal = refusalOf(new URL(task.url).hostname, policy)
  if (refusal !== null) {
    return { ...base, durationMs: 0, status: null, headers: null, body: null, isBodyTruncated: false, errorCode: 'blocked_target', errorMessage: refusal }
  }
  try {
    const response = await request(task.url, {
      method: task.method as Dispatcher.HttpMethod,
      headers: task.headers,
      body: task.body,
      dispatcher,
      signal,
      headersTimeout: task.timeoutMs,
      bodyTimeout: task.timeoutMs,
    })
    const chunks: Buffer[] = []
    let kept = 0
    let isBodyTruncated = false
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      const room = task.maxResponseBodyBytes - kept
      if (chunk.length > room) {
        if (room > 0) chunks.push(chunk.subarray(0, room))
        kept += Math.max(room, 0)
        // Stop reading: leaving the loop destroys the stream, so a huge body is never held whole.
        isBodyTruncated = true
        break
      }
      chunks.push(chunk)
      kept += chunk.length
    }
    return {
      ...base,
      durationMs: performance.now() - t0,
      status: response.statusCode,
      headers: flattenHeaders(response.headers),
      body: Buffer.concat(chunks, kept).toString('utf8'),
      isBodyTruncated,
      errorCode: null,
      errorMessage: null,
    }
  } catch (error) {
    const errorCode = classifyDeliveryError(error, signal.aborted)
    const message = errorCode === 'timeout' ? `no complete response within ${task.timeoutMs} ms` : String((error as Error)?.message ?? error)
    return {
      ...base,
      durationMs: performance.now() - t0,
      status: null,
      headers: null,
      body: null,
      isBodyTruncated: false,
      errorCode,
      errorMessage: message.slice(0, 1000),
    }
  }
}
