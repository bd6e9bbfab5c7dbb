/**
 * Parses an HTTP `Retry-After` value (RFC 9110 §10.2.3): delta-seconds or an HTTP date.
 * Returns the wait in milliseconds from `nowMs` (never negative), or null when absent or unparsable.
 */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null
  const trimmed = value.trim()
  if (trimmed === '') return null
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  // Only accept things that look like a date, so junk such as "soon" is not parsed by Date's heuristics.
  if (!/[a-z]/i.test(trimmed) || !/\d/.test(trimmed)) return null
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return null
  return Math.max(0, at - nowMs)
}
