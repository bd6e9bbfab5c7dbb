/**
 * Slows down callers that keep presenting wrong tokens: after `freeFailures` failures within
 * `windowMs`, each further refusal from the same address waits a little longer (up to `maxDelayMs`),
 * so guessing the token is impractically slow while a typo costs nothing. Memory is bounded.
 */
export interface FailureThrottleOptions {
  freeFailures: number
  windowMs: number
  stepMs: number
  maxDelayMs: number
  maxTracked: number
}

export const DEFAULT_FAILURE_THROTTLE: FailureThrottleOptions = { freeFailures: 5, windowMs: 60_000, stepMs: 250, maxDelayMs: 5000, maxTracked: 10_000 }

export function createFailureThrottle(options: FailureThrottleOptions = DEFAULT_FAILURE_THROTTLE, clock: () => number = Date.now) {
  const failures = new Map<string, { count: number; since: number }>()
  return {
    /** Records a failure from `key`; returns how long to hold the refusal, in ms. */
    fail(key: string): number {
      const now = clock()
      let entry = failures.get(key)
      if (!entry || now - entry.since > options.windowMs) {
        entry = { count: 0, since: now }
        if (failures.size >= options.maxTracked) failures.delete(failures.keys().next().value as string)
        failures.set(key, entry)
      }
      entry.count++
      const excess = entry.count - options.freeFailures
      return excess <= 0 ? 0 : Math.min(options.maxDelayMs, excess * options.stepMs)
    },
  }
}
