import { describe, expect, it } from 'vitest'
import { parseRetryAfterMs } from '../../../../src/core/queue/retry-after'

const NOW = Date.UTC(2026, 5, 1, 0, 0, 0)

describe('parseRetryAfterMs', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('30', NOW)).toBe(30_000)
    expect(parseRetryAfterMs(' 0 ', NOW)).toBe(0)
  })

  it('reads an IMF-fixdate relative to now', () => {
    expect(parseRetryAfterMs(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000)
  })

  it('never returns a negative wait for a date in the past', () => {
    expect(parseRetryAfterMs(new Date(NOW - 90_000).toUTCString(), NOW)).toBe(0)
  })

  it.each([null, undefined, '', 'soon', '-5', '1.5', '12abc'])('returns null for %j', (value) => {
    expect(parseRetryAfterMs(value, NOW)).toBeNull()
  })
})
