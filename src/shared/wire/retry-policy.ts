/**
 * Retry policy: how often and when a failed delivery is tried again.
 * Used as the engine's global setting and as the per-job `retry` override of the ingest body.
 * Durations are integer milliseconds; JSON field names are snake_case like the rest of the wire.
 */
import { z } from 'zod'

const DAY_MS = 24 * 60 * 60 * 1000
const delayMs = z.number().int().min(0).max(7 * DAY_MS)
const maxRetries = z.number().int().min(0).max(100)

export const FixedRetryPolicy = z.object({
  strategy: z.literal('fixed'),
  /** Retries after the first attempt; the original Hook Slinger's MAX_RETRIES (3). */
  max_retries: maxRetries,
  /** Wait between attempts; the original's INTERVAL (5 s). */
  interval_ms: delayMs,
})

export const ExponentialRetryPolicy = z.object({
  strategy: z.literal('exponential'),
  max_retries: maxRetries,
  /** Delay before the first retry. */
  base_ms: delayMs,
  /** Upper bound of any single delay. */
  max_delay_ms: delayMs,
  /** Growth per retry (default 2). */
  factor: z.number().min(1).max(10).default(2),
  /** Full jitter: a uniformly random delay in [0, computed] (default true), so retries of a burst spread out. */
  jitter: z.boolean().default(true),
})

export const ScheduleRetryPolicy = z.object({
  strategy: z.literal('schedule'),
  /** One entry per retry: delays_ms[i] is the wait before retry i+1. */
  delays_ms: z.array(delayMs).min(1).max(50),
})

export const RetryPolicy = z.discriminatedUnion('strategy', [
  FixedRetryPolicy,
  ExponentialRetryPolicy,
  ScheduleRetryPolicy,
])

export type RetryPolicy = z.infer<typeof RetryPolicy>

/** The original Hook Slinger's behaviour: 3 retries, 5 s apart (4 attempts at most). */
export const ORIGINAL_RETRY_POLICY: RetryPolicy = { strategy: 'fixed', max_retries: 3, interval_ms: 5000 }

/** Total attempts a policy allows, the first one included. */
export function maxAttemptsOf(policy: RetryPolicy): number {
  return policy.strategy === 'schedule' ? policy.delays_ms.length + 1 : policy.max_retries + 1
}
