/**
 * Prometheus metrics (`GET /metrics`) with prom-client, in a registry of this engine's own (not the
 * global one), so several engines in one process (tests) never collide.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import { JOB_STATUSES, type JobStatus } from '../../shared/wire/job-status'

export interface MetricsSources {
  countByStatus: () => Partial<Record<JobStatus, number>>
  inFlight: () => number
  workers: () => number
}

export interface EngineMetrics {
  registry: Registry
  recordIngest(): void
  recordAttempt(outcome: 'succeeded' | 'retry' | 'failed', durationMs: number): void
}

export function createMetrics(sources: MetricsSources): EngineMetrics {
  const registry = new Registry()
  const ingested = new Counter({ name: 'hook_slinger_jobs_ingested_total', help: 'Jobs accepted with a 202', registers: [registry] })
  const attempts = new Counter({ name: 'hook_slinger_attempts_total', help: 'Delivery attempts by outcome', labelNames: ['outcome'], registers: [registry] })
  const duration = new Histogram({
    name: 'hook_slinger_attempt_duration_seconds',
    help: 'Duration of delivery attempts',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  })
  new Gauge({
    name: 'hook_slinger_jobs',
    help: 'Jobs in the store by status',
    labelNames: ['status'],
    registers: [registry],
    collect() {
      const counts = sources.countByStatus()
      for (const status of JOB_STATUSES) this.set({ status }, counts[status] ?? 0)
    },
  })
  new Gauge({
    name: 'hook_slinger_queue_depth',
    help: 'Jobs waiting for delivery (queued + scheduled)',
    registers: [registry],
    collect() {
      const counts = sources.countByStatus()
      this.set((counts.queued ?? 0) + (counts.scheduled ?? 0))
    },
  })
  new Gauge({ name: 'hook_slinger_in_flight', help: 'Deliveries in progress', registers: [registry], collect() { this.set(sources.inFlight()) } })
  new Gauge({ name: 'hook_slinger_workers', help: 'Delivery worker threads', registers: [registry], collect() { this.set(sources.workers()) } })
  return {
    registry,
    recordIngest: () => ingested.inc(),
    recordAttempt(outcome, durationMs) {
      attempts.inc({ outcome })
      duration.observe(durationMs / 1000)
    },
  }
}
