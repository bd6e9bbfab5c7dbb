/**
 * Rolling delivery statistics for the last hour, in memory: per-minute attempt, delivery and
 * failure counts, and a log-bucketed latency histogram per minute for p50/p95. Bounded memory:
 * 60 minutes × 64 buckets whatever the throughput.
 */
const MINUTE_MS = 60_000
const WINDOW_MINUTES = 60
/** Latency buckets: 0.1 ms × 1.25^i, up to ~4 minutes. */
const BUCKETS = 64
const BASE_MS = 0.1
const GROWTH = 1.25

interface Minute {
  startMs: number
  attempts: number
  delivered: number
  failed: number
  latency: Uint32Array
}

export interface DeliveryStatsSnapshot {
  per_minute: Array<{ minute: string; attempts: number; delivered: number; failed: number }>
  success_rate: number | null
  latency_ms: { p50: number | null; p95: number | null }
}

function bucketOf(durationMs: number): number {
  if (durationMs <= BASE_MS) return 0
  return Math.min(BUCKETS - 1, Math.ceil(Math.log(durationMs / BASE_MS) / Math.log(GROWTH)))
}

/** Upper bound of bucket `i`, in ms. */
function bucketUpperMs(i: number): number {
  return BASE_MS * GROWTH ** i
}

export interface DeliveryStats {
  record(outcome: 'succeeded' | 'retry' | 'failed', durationMs: number, nowMs: number): void
  snapshot(nowMs: number): DeliveryStatsSnapshot
}

export function createDeliveryStats(): DeliveryStats {
  const minutes: Minute[] = []

  function current(nowMs: number): Minute {
    const startMs = nowMs - (nowMs % MINUTE_MS)
    const last = minutes[minutes.length - 1]
    if (last && last.startMs === startMs) return last
    const minute: Minute = { startMs, attempts: 0, delivered: 0, failed: 0, latency: new Uint32Array(BUCKETS) }
    minutes.push(minute)
    while (minutes.length > WINDOW_MINUTES) minutes.shift()
    return minute
  }

  return {
    record(outcome, durationMs, nowMs) {
      const minute = current(nowMs)
      minute.attempts++
      if (outcome === 'succeeded') minute.delivered++
      else if (outcome === 'failed') minute.failed++
      const bucket = bucketOf(durationMs)
      minute.latency[bucket] = (minute.latency[bucket] ?? 0) + 1
    },
    snapshot(nowMs) {
      const since = nowMs - WINDOW_MINUTES * MINUTE_MS
      const recent = minutes.filter((m) => m.startMs > since)
      const merged = new Uint32Array(BUCKETS)
      let delivered = 0
      let failed = 0
      let samples = 0
      for (const m of recent) {
        delivered += m.delivered
        failed += m.failed
        m.latency.forEach((n, i) => {
          merged[i] = (merged[i] ?? 0) + n
          samples += n
        })
      }
      const percentile = (p: number): number | null => {
        if (samples === 0) return null
        const rank = Math.ceil(p * samples)
        let seen = 0
        for (let i = 0; i < BUCKETS; i++) {
          seen += merged[i] ?? 0
          if (seen >= rank) return Math.round(bucketUpperMs(i) * 100) / 100
        }
        return null
      }
      return {
        per_minute: recent.map((m) => ({ minute: new Date(m.startMs).toISOString(), attempts: m.attempts, delivered: m.delivered, failed: m.failed })),
        success_rate: delivered + failed === 0 ? null : delivered / (delivered + failed),
        latency_ms: { p50: percentile(0.5), p95: percentile(0.95) },
      }
    },
  }
}
