/**
 * Validation of a webhook destination (`to_url`). Pure and isomorphic (WHATWG URL).
 */

export const MAX_TO_URL_LENGTH = 2048

export type TargetUrlCheck = { ok: true; url: URL } | { ok: false; reason: string }

export function checkTargetUrl(raw: string): TargetUrlCheck {
  if (raw.length === 0) return { ok: false, reason: 'is empty' }
  if (raw.length > MAX_TO_URL_LENGTH) {
    return { ok: false, reason: `is longer than ${MAX_TO_URL_LENGTH} characters` }
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is rejected here
  if (/[\0-\x1f\x7f]/.test(raw)) return { ok: false, reason: 'contains control characters' }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    // WHATWG URL throws for out-of-range ports, missing hosts on special schemes and relative URLs.
    return { ok: false, reason: 'is not an absolute URL (expected http:// or https:// with a host and a valid port)' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `uses the unsupported scheme '${url.protocol.slice(0, -1).slice(0, 32)}' (only http and https)` }
  }
  if (url.hostname === '') return { ok: false, reason: 'has no host' }
  if (url.port === '0') return { ok: false, reason: 'has an invalid port 0' }
  return { ok: true, url }
}
