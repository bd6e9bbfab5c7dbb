import type { RetryPolicy } from '../../../../shared/wire/retry-policy'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Retry policies people ask for by name. */
export const RETRY_PRESETS: Array<{ id: string; label: string; policy: RetryPolicy }> = [
  { id: 'original', label: 'Original (3 × 5 s)', policy: { strategy: 'fixed', max_retries: 3, interval_ms: 5000 } },
  { id: 'exponential', label: 'Exponential with jitter (8 retries, ≤ 1 h)', policy: { strategy: 'exponential', max_retries: 8, base_ms: 1000, max_delay_ms: HOUR, factor: 2, jitter: true } },
  { id: 'svix', label: 'Svix-style schedule (5 s … 10 h)', policy: { strategy: 'schedule', delays_ms: [5000, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR] } },
]
