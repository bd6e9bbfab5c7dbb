/**
 * The retry decision, as a pure function of an attempt's outcome: no clock, no randomness, no I/O
 * of its own (both are injected), so every branch is unit-tested deterministically.
 *
 * 2xx succeed. 3xx (redirects are never followed), 408, 425, 429, 5xx, timeouts and network errors
 * retry while attempts remain. Any other status fails at once: the receiver rejected the request
 * and sending it again will not change that.
 */
import type { RetryPolicy } from '../../shared/wire/retry-policy'
import { parseRetryAfterMs } from './retry-after'

export interface AttemptOutcome {
  /** HTTP status, or null when no response arrived. */
  status: number | null
  /** Delivery error code (timeout, connection_refused, …) when no response arrived. */
  errorCode: string | null
  /** The response's Retry-After header, if any. */
  retryAfter: string | null
}

export type RetryDecision =
  | { kind: 'succeeded' }
  | { kind: 'retry'; atMs: number; delayMs: number }
  | { kind: 'failed'; reason: 'not_retryable' | 'attempts_exhausted' }

export interface ClassifyInput {
  outcome: AttemptOutcome
  /** 1-based number of the attempt that just finished. */
  attempt: number
  maxAttempts: number
  policy: RetryPolicy
  nowMs: number
  /** Uniform in [0, 1): Math.random in production, a fixed sequence in tests. */
  random: () => number
  /** Upper bound for a receiver's Retry-After (default 1 hour), so a hostile value cannot park a job for years. */
  maxRetryAfterMs?: number
}

const RETRYABLE_4XX = new Set([408, 425, 429])
const RETRY_AFTER_STATUSES = new Set([429, 503])
export const DEFAULT_MAX_RETRY_AFTER_MS = 60 * 60 * 1000

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300
}

export function isRetryable(outcome: AttemptOutcome): boolean {
  const { status } = outcome
  // A refused destination stays refused: trying again only repeats the refusal.
  if (status === null) return outcome.errorCode !== 'blocked_target'
  if (status >= 500 || (status >= 300 && status < 400)) return true
  return RETRYABLE_4XX.has(status)
}

/** Delay before retry number `retry` (1 = the first retry) under `policy`. */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: () => number): number {
  switch (policy.strategy) {
    case 'fixed':
      return policy.interval_ms
    case 'schedule':
      // Past the end of the schedule (only possible if max_attempts was raised), repeat its last step.
      return policy.delays_ms[Math.min(retry, policy.delays_ms.length) - 1] ?? 0
    case 'exponential': {
      const capped = Math.min(policy.max_delay_ms, policy.base_ms * policy.factor ** (retry - 1))
      return Math.round(policy.jitter ? random() * capped : capped)
    }
  }
}

export function classify(input: ClassifyInput): RetryDecision {
  const { outcome, attempt, maxAttempts, policy, nowMs, random } = input
  if (outcome.status !== null && isSuccessStatus(outcome.status)) return { kind: 'succeeded' }
  if (!isRetryable(outcome)) return { kind: 'failed', reason: 'not_retryable' }
  if (attempt >= maxAttempts) return { kind: 'failed', reason: 'attempts_exhausted' }

  let delayMs = backoffDelayMs(policy, attempt, random)
  if (outcome.status !== null && RETRY_AFTER_STATUSES.has(outcome.status)) {
    const askedMs = parseRetryAfterMs(outcome.retryAfter, nowMs)
    // Honour the receiver's wish, but never retry sooner than our own policy says.
    if (askedMs !== null) delayMs = Math.max(delayMs, Math.min(askedMs, input.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS))
  }
  return { kind: 'retry', atMs: nowMs + delayMs, delayMs }
}
