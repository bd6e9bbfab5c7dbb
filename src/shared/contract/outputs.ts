/**
 * Outputs of the management operations other than jobs (see job.ts).
 */
import { z } from 'zod'
import { JOB_STATUSES } from '../wire/job-status'
import { BULK_ACTIONS } from './inputs'

export const Deleted = z.object({ id: z.string(), deleted: z.literal(true) })

export const BulkResult = z.object({
  action: z.enum(BULK_ACTIONS),
  dry_run: z.boolean(),
  /** Jobs that matched (dry run) or changed (real run). */
  count: z.number().int(),
})
export type BulkResult = z.infer<typeof BulkResult>

export const MinuteStats = z.object({
  minute: z.string().describe('start of the minute, ISO-8601'),
  attempts: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
})

export const Stats = z.object({
  counts: z.object(Object.fromEntries(JOB_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof JOB_STATUSES)[number], z.ZodNumber>),
  total: z.number().int(),
  /** Jobs waiting: queued + scheduled. */
  queue_depth: z.number().int(),
  /** How late the most overdue due job is, or null when nothing is due. */
  oldest_due_age_ms: z.number().nullable(),
  in_flight: z.number().int(),
  /** The last 60 minutes, oldest first (since the engine started). */
  per_minute: z.array(MinuteStats),
  /** Share of finished deliveries in the last hour that succeeded, or null when none finished. */
  success_rate: z.number().nullable(),
  latency_ms: z.object({ p50: z.number().nullable(), p95: z.number().nullable() }),
})
export type Stats = z.infer<typeof Stats>

export const WorkerInfo = z.object({ id: z.number().int(), state: z.enum(['active', 'retiring']), in_flight: z.number().int() })
export const Workers = z.object({ count: z.number().int(), items: z.array(WorkerInfo) })
export type Workers = z.infer<typeof Workers>

export const TokenInfo = z.object({
  token: z.string(),
  /** `generated`: stored in the data dir (can be regenerated); `configured`: from API_TOKEN or a flag. */
  source: z.enum(['generated', 'configured']),
})
export type TokenInfo = z.infer<typeof TokenInfo>
