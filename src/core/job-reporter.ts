/**
 * What the engine tells the outside world about jobs as they move: log lines, metrics, rolling
 * stats, and live events (built only while someone listens, so an unwatched engine pays nothing
 * for them). Called by the engine's enqueue and dispatcher hooks.
 */
import type { Logger } from 'pino'
import { toAttempt, toJobSummary } from './api/job-mapper'
import type { EventBus } from './events'
import type { EngineMetrics } from './http/metrics'
import type { AttemptRecord } from './queue/dispatcher'
import type { DeliveryStats } from './stats/delivery-stats'
import type { ClaimedJobRow, NewJobRow } from './store/jobs-repo'

export interface JobReporterDeps {
  log: Logger
  events: EventBus
  stats: DeliveryStats
  metrics: EngineMetrics
  clock: () => number
}

export function createJobReporter({ log, events, stats, metrics, clock }: JobReporterDeps) {
  return {
    stored(row: NewJobRow): void {
      metrics.recordIngest()
      log.info({ job_id: row.id, url: row.to_url, method: row.method }, 'queued')
      if (!events.hasListeners()) return
      events.emit({
        type: 'job:created',
        job: toJobSummary({ ...row, attempt_count: 0, updated_at: row.created_at, finished_at: null, last_status: null, last_error: null }),
      })
    },

    claimed(job: ClaimedJobRow): void {
      if (events.hasListeners()) events.emit({ type: 'job:updated', job: toJobSummary(job) })
    },

    attempted(record: AttemptRecord): void {
      const { job, attempt, result, decision, isApplied, update } = record
      if (!isApplied) {
        log.debug({ job_id: job.id, attempt }, 'stale delivery result ignored')
        return
      }
      stats.record(decision.kind, result.durationMs, clock())
      metrics.recordAttempt(decision.kind, result.durationMs)
      const fields = { job_id: job.id, url: job.to_url, attempt, status: result.status, duration_ms: Math.round(result.durationMs), error: result.errorCode ?? undefined }
      if (decision.kind === 'succeeded') log.info({ ...fields, outcome: 'succeeded' }, 'delivered')
      else if (decision.kind === 'retry') log.warn({ ...fields, outcome: 'retry', retry_in_ms: decision.delayMs }, 'attempt failed, will retry')
      // A receiver's refusal is its own business, not an engine fault: warn, so error level means "engine trouble".
      else log.warn({ ...fields, outcome: 'failed', reason: decision.reason }, 'delivery failed permanently')
      if (!events.hasListeners()) return
      events.emit({
        type: 'job:updated',
        job: toJobSummary({
          ...job,
          status: update.status,
          run_at: update.run_at,
          last_status: update.last_status,
          last_error: update.last_error,
          updated_at: update.now,
          finished_at: update.status === 'scheduled' ? null : update.now,
        }),
      })
      events.emit({ type: 'attempt:finished', job_id: job.id, attempt: toAttempt(record.attemptRow, job.payload) })
    },
  }
}
