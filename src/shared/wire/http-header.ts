/**
 * Header checks shared by ingest validation and the UI's send form. Pure: no Node or DOM APIs.
 */

/** RFC 9110 token characters: what a header field name may contain. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** CR, LF and NUL would let a value split or end the request line (header injection). */
const FORBIDDEN_VALUE_CHARS = /[\r\n\0]/

export function isValidHeaderName(name: string): boolean {
  return HEADER_NAME.test(name)
}

export function isSafeHeaderValue(value: string): boolean {
  return !FORBIDDEN_VALUE_CHARS.test(value)
}

/**
 * Headers a caller may not set through `headers`: the engine owns framing and identity
 * (hop-by-hop and length headers would corrupt the request; webhook-id must stay stable).
 */
export const RESERVED_HEADER_NAMES: ReadonlySet<string> = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'proxy-connection',
  'expect',
  'webhook-id',
])

/** Header names whose values are secrets: shown as `[redacted]` in logs, listings and the UI. */
export const SECRET_HEADER_NAMES: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
])

export const REDACTED = '[redacted]'

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    out[name] = SECRET_HEADER_NAMES.has(name.toLowerCase()) ? REDACTED : value
  }
  return out
}
