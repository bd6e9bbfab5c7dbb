import { describe, expect, it } from 'vitest'
import { backoffDelayMs, classify, type AttemptOutcome } from '../../../../src/core/queue/retry-policy'
import { ORIGINAL_RETRY_POLICY, type RetryPolicy } from '../../../../src/shared/wire/retry-policy'

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0)
const http = (status: number, retryAfter: string | null = null): AttemptOutcome => ({ status, errorCode: null, retryAfter })
const error = (code: string): AttemptOutcome => ({ status: null, errorCode: code, retryAfter: null })
const half = () => 0.5

function decide(outcome: AttemptOutcome, attempt = 1, policy: RetryPolicy = ORIGINAL_RETRY_POLICY, maxAttempts = 4) {
  return classify({ outcome, attempt, maxAttempts, policy, nowMs: NOW, random: half })
}

describe('classify', () => {
  it.each([200, 201, 202, 204, 299])('counts HTTP %i as success (the original demanded exactly 200)', (status) => {
    expect(decide(http(status))).toEqual({ kind: 'succeeded' })
  })

  it.each([500, 502, 503, 504, 408, 425, 429, 301, 302, 307])('retries HTTP %i with the fixed 5 s interval', (status) => {
    expect(decide(http(status))).toEqual({ kind: 'retry', atMs: NOW + 5000, delayMs: 5000 })
  })

  it.each(['timeout', 'connection_refused', 'connection_reset', 'dns', 'tls', 'network', 'worker_crashed'])(
    'retries the network error %s',
    (code) => {
      expect(decide(error(code)).kind).toBe('retry')
    },
  )

  it.each([400, 401, 403, 404, 410, 413, 422])('fails HTTP %i at once', (status) => {
    expect(decide(http(status))).toEqual({ kind: 'failed', reason: 'not_retryable' })
  })

  it('fails after the last attempt allowed (1 + MAX_RETRIES)', () => {
    expect(decide(http(503), 3).kind).toBe('retry')
    expect(decide(http(503), 4)).toEqual({ kind: 'failed', reason: 'attempts_exhausted' })
  })

  it('honours Retry-After seconds on 429 when longer than the policy delay', () => {
    expect(decide(http(429, '120'))).toEqual({ kind: 'retry', atMs: NOW + 120_000, delayMs: 120_000 })
  })

  it('honours Retry-After as an HTTP date on 503', () => {
    const at = new Date(NOW + 60_000).toUTCString()
    expect(decide(http(503, at))).toMatchObject({ kind: 'retry', delayMs: 60_000 })
  })

  it('never retries sooner than the policy because of a short Retry-After', () => {
    expect(decide(http(429, '1'))).toMatchObject({ delayMs: 5000 })
  })

  it('clamps a huge Retry-After to the maximum', () => {
    const decision = classify({ outcome: http(429, '99999999'), attempt: 1, maxAttempts: 4, policy: ORIGINAL_RETRY_POLICY, nowMs: NOW, random: half, maxRetryAfterMs: 600_000 })
    expect(decision).toMatchObject({ delayMs: 600_000 })
  })

  it('ignores Retry-After on statuses other than 429 and 503', () => {
    expect(decide(http(500, '120'))).toMatchObject({ delayMs: 5000 })
  })
})

describe('backoffDelayMs', () => {
  const exponential: RetryPolicy = { strategy: 'exponential', max_retries: 10, base_ms: 1000, max_delay_ms: 60_000, factor: 2, jitter: false }

  it('doubles the exponential delay per retry up to the cap', () => {
    expect([1, 2, 3, 4, 7, 8].map((n) => backoffDelayMs(exponential, n, half))).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000])
  })

  it('applies full jitter within [0, computed]', () => {
    const jittered: RetryPolicy = { ...exponential, jitter: true }
    expect(backoffDelayMs(jittered, 3, () => 0)).toBe(0)
    expect(backoffDelayMs(jittered, 3, () => 0.25)).toBe(1000)
    expect(backoffDelayMs(jittered, 3, () => 0.999999)).toBe(4000)
  })

  it('follows an explicit schedule step by step', () => {
    const schedule: RetryPolicy = { strategy: 'schedule', delays_ms: [5000, 300_000, 1_800_000] }
    expect([1, 2, 3].map((n) => backoffDelayMs(schedule, n, half))).toEqual([5000, 300_000, 1_800_000])
  })

  it('schedules the explicit step as the retry time', () => {
    const schedule: RetryPolicy = { strategy: 'schedule', delays_ms: [5000, 300_000] }
    expect(decide(http(500), 2, schedule, 3)).toEqual({ kind: 'retry', atMs: NOW + 300_000, delayMs: 300_000 })
    expect(decide(http(500), 3, schedule, 3).kind).toBe('failed')
  })
})
