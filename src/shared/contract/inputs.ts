/**
 * Inputs of the management operations. The same schemas validate HTTP (query strings arrive as
 * strings, hence the coercions) and IPC (typed values) at the engine's trust boundary.
 */
import { z } from 'zod'
import { DELIVERY_METHODS, MAX_LABEL_LENGTH } from '../wire/ingest'
import { RetryPolicy } from '../wire/retry-policy'
import { JobStatusSchema } from './job'

/** Accepts `a,b`, `['a','b']` or a repeated query key. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter((s) => s !== '') : value), z.array(item))

/** Epoch milliseconds or an ISO-8601 string; always epoch ms after parsing. */
export const TimeInput = z
  .union([z.number(), z.string()])
  .transform((value, ctx) => {
    const ms = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Date.parse(value)
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO-8601 time or epoch milliseconds' })
      return z.NEVER
    }
    return ms
  })

export const JobFilter = z.object({
  status: listOf(JobStatusSchema).optional(),
  group: z.string().max(MAX_LABEL_LENGTH).optional(),
  tag: z.string().max(MAX_LABEL_LENGTH).optional(),
  /** Substring of the destination URL. */
  to_url: z.string().max(2048).optional(),
  /** Text in the id, URL, tag, group or payload. */
  q: z.string().max(500).optional(),
  created_after: TimeInput.optional(),
  created_before: TimeInput.optional(),
  /** Replays of this job. */
  replay_of: z.string().max(600).optional(),
})
export type JobFilter = z.infer<typeof JobFilter>

export const MAX_PAGE_SIZE = 500

export const ListJobsInput = JobFilter.extend({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(64).optional(),
})
export type ListJobsInput = z.infer<typeof ListJobsInput>

export const JobRef = z.object({ id: z.string().min(1).max(600) })
export type JobRef = z.infer<typeof JobRef>

/** Replay, optionally edited: any field given replaces the original's. */
export const ReplayInput = JobRef.extend({
  payload: z.record(z.string(), z.unknown()).optional(),
  to_url: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  to_auth: z.string().nullable().optional(),
  method: z.enum(DELIVERY_METHODS).optional(),
})
export type ReplayInput = z.infer<typeof ReplayInput>

export const BULK_ACTIONS = ['retry', 'cancel', 'delete'] as const
export const BulkInput = z.object({
  action: z.enum(BULK_ACTIONS),
  filter: JobFilter.default({}),
  /** Count what would change without changing it. */
  dry_run: z.boolean().default(false),
})
export type BulkInput = z.infer<typeof BulkInput>

export const SetWorkersInput = z.object({ count: z.number().int().min(1).max(64) })
export type SetWorkersInput = z.infer<typeof SetWorkersInput>

export const Retention = z.object({
  /** Days a succeeded job is kept (0 keeps forever). Default 7. */
  succeeded_days: z.number().min(0).max(3650),
  /** Days a failed or cancelled job is kept (0 keeps forever). Default 30. */
  failed_days: z.number().min(0).max(3650),
})

export const Settings = z.object({
  retry_policy: RetryPolicy,
  request_timeout_ms: z.number().int().min(100).max(600_000),
  worker_count: z.number().int().min(1).max(64),
  retention: Retention,
  body_limit_bytes: z.number().int().min(1024).max(64 * 1024 * 1024),
})
export type Settings = z.infer<typeof Settings>

export const SettingsPatch = Settings.partial()
export type SettingsPatch = z.infer<typeof SettingsPatch>

export const Empty = z.object({})
