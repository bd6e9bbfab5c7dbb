/**
 * Wire shapes of jobs and attempts (snake_case, timestamps as ISO-8601 UTC strings).
 * A job's `id` is the same string the ingest answer calls `job_id`.
 */
import { z } from 'zod'
import { JOB_STATUSES } from '../wire/job-status'

export const JobStatusSchema = z.enum(JOB_STATUSES)
const isoTime = z.string().describe('ISO-8601 UTC timestamp')

/** What lists, events and the UI's rows need: everything but the payload and headers. */
export const JobSummary = z.object({
  id: z.string(),
  status: JobStatusSchema,
  to_url: z.string(),
  method: z.string(),
  tag: z.string().nullable(),
  group: z.string().nullable(),
  attempt_count: z.number().int(),
  max_attempts: z.number().int(),
  /** When the engine will try next (queued or scheduled jobs), else null. */
  next_attempt_at: isoTime.nullable(),
  created_at: isoTime,
  updated_at: isoTime,
  finished_at: isoTime.nullable(),
  last_status: z.number().int().nullable(),
  last_error: z.string().nullable(),
  /** The job this one replays, if any. */
  replay_of: z.string().nullable(),
})
export type JobSummary = z.infer<typeof JobSummary>

/** The full job: the summary plus what is sent. Secret header values are redacted. */
export const Job = JobSummary.extend({
  payload: z.record(z.string(), z.unknown()),
  headers: z.record(z.string(), z.string()),
  /** Whether `to_auth` is set (its value is never shown). */
  has_auth: z.boolean(),
})
export type Job = z.infer<typeof Job>

export const AttemptRequest = z.object({
  url: z.string(),
  method: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
})

export const Attempt = z.object({
  number: z.number().int(),
  started_at: isoTime,
  duration_ms: z.number(),
  outcome: z.enum(['succeeded', 'retry', 'failed']),
  request: AttemptRequest,
  response_status: z.number().int().nullable(),
  response_headers: z.record(z.string(), z.string()).nullable(),
  response_body: z.string().nullable(),
  response_truncated: z.boolean(),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
})
export type Attempt = z.infer<typeof Attempt>

export const JobDetail = Job.extend({ attempts: z.array(Attempt) })
export type JobDetail = z.infer<typeof JobDetail>

export const JobPage = z.object({
  items: z.array(Job),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  next_cursor: z.string().nullable(),
  /** Jobs matching the filter, all pages together (see is_total_exact). */
  total: z.number().int(),
  /** False when a text filter matched more than 10,000 jobs: `total` then means "at least". */
  is_total_exact: z.boolean(),
})
export type JobPage = z.infer<typeof JobPage>
