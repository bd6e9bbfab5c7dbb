/**
 * The operation table: the single source of the management API. HTTP routes, the OpenAPI document,
 * the HTTP client, and (in the Electron shell) the IPC handlers and preload bridge are generated
 * from it. To add an operation: add a row here, implement it in core's engine API; the types force
 * the rest.
 *
 * HTTP mapping: `:name` path segments come from the input field of that name; the other fields go
 * in the query string for GET and DELETE, and in the JSON body otherwise.
 */
import type { z } from 'zod'
import type { OPERATION_NAME_LIST } from './operation-names'
import { Empty, JobRef, BulkInput, ListJobsInput, ReplayInput, SetWorkersInput, Settings, SettingsPatch } from './inputs'
import { JobDetail, JobPage, JobSummary } from './job'
import { BulkResult, Deleted, Stats, TokenInfo, Workers } from './outputs'
import { IngestBody } from '../wire/ingest'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface OperationSpec {
  method: HttpMethod
  path: string
  input: z.ZodType
  output: z.ZodType
  summary: string
}

export const operations = {
  listJobs: { method: 'GET', path: '/api/jobs', input: ListJobsInput, output: JobPage, summary: 'List jobs, newest first, with filters and cursor pagination' },
  sendJob: { method: 'POST', path: '/api/jobs', input: IngestBody, output: JobSummary, summary: 'Queue a webhook (same body and validation as POST /hook_slinger/)' },
  getJob: { method: 'GET', path: '/api/jobs/:id', input: JobRef, output: JobDetail, summary: 'A job with every attempt' },
  replayJob: { method: 'POST', path: '/api/jobs/:id/replay', input: ReplayInput, output: JobSummary, summary: 'Send a copy of a job as a new job (optionally edited)' },
  retryJob: { method: 'POST', path: '/api/jobs/:id/retry', input: JobRef, output: JobSummary, summary: 'Attempt a failed or scheduled job now, keeping its history' },
  cancelJob: { method: 'POST', path: '/api/jobs/:id/cancel', input: JobRef, output: JobSummary, summary: 'Cancel a queued or scheduled job' },
  deleteJob: { method: 'DELETE', path: '/api/jobs/:id', input: JobRef, output: Deleted, summary: 'Delete a job and its attempts' },
  bulkJobs: { method: 'POST', path: '/api/jobs/bulk', input: BulkInput, output: BulkResult, summary: 'Retry, cancel or delete every job matching a filter (dry run counts)' },
  getStats: { method: 'GET', path: '/api/stats', input: Empty, output: Stats, summary: 'Counts, throughput, success rate and latency' },
  getWorkers: { method: 'GET', path: '/api/workers', input: Empty, output: Workers, summary: 'Delivery threads and their in-flight requests' },
  setWorkers: { method: 'PUT', path: '/api/workers', input: SetWorkersInput, output: Workers, summary: 'Change the number of delivery threads live' },
  getSettings: { method: 'GET', path: '/api/settings', input: Empty, output: Settings, summary: 'Engine settings' },
  getToken: { method: 'GET', path: '/api/token', input: Empty, output: TokenInfo, summary: 'The API token and where it comes from' },
  regenerateToken: { method: 'POST', path: '/api/token/regenerate', input: Empty, output: TokenInfo, summary: 'Replace the generated token (ends every session)' },
  updateSettings: { method: 'PUT', path: '/api/settings', input: SettingsPatch, output: Settings, summary: 'Change settings; persisted and applied without restart' },
} as const satisfies Record<string, OperationSpec>

export type Operations = typeof operations
export type OperationName = keyof Operations
/** What a caller passes (before defaults and coercions). */
export type Input<N extends OperationName> = z.input<Operations[N]['input']>
/** What the engine receives after validation. */
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>
export type Output<N extends OperationName> = z.output<Operations[N]['output']>

export const OPERATION_NAMES = Object.keys(operations) as OperationName[]

// The bridge's name list and the table must name the same operations, in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const namesAgree: Same<(typeof OPERATION_NAME_LIST)[number], OperationName> = true
void namesAgree
