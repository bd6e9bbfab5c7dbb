/**
 * Store rows → wire shapes. Secrets never cross: `to_auth` becomes `has_auth`, and secret header
 * values are redacted.
 */
import type { Attempt, Job, JobSummary } from '../../shared/contract/job'
import { redactHeaders } from '../../shared/wire/http-header'
import type { AttemptRow, JobRow, SummaryRow } from '../store/jobs-repo'

const iso = (ms: number): string => new Date(ms).toISOString()
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms))

export function toJobSummary(row: SummaryRow): JobSummary {
  const isWaiting = row.status === 'queued' || row.status === 'scheduled'
  return {
    id: row.id,
    status: row.status,
    to_url: row.to_url,
    method: row.method,
    tag: row.tag,
    group: row.grp,
    attempt_count: row.attempt_count,
    max_attempts: row.max_attempts,
    next_attempt_at: isWaiting ? iso(row.run_at) : null,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    finished_at: isoOrNull(row.finished_at),
    last_status: row.last_status,
    last_error: row.last_error,
    replay_of: row.replay_of,
  }
}

export function toJob(row: JobRow): Job {
  return {
    ...toJobSummary(row),
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    headers: redactHeaders(JSON.parse(row.headers_json) as Record<string, string>),
    has_auth: row.to_auth !== null,
  }
}

interface StoredRequest {
  url: string
  method: string
  headers: Record<string, string>
}

/** `payload` is the job's stored body: the same bytes every attempt sent. */
export function toAttempt(row: AttemptRow, payload: string): Attempt {
  const request = JSON.parse(row.request_json) as StoredRequest
  return {
    number: row.number,
    started_at: iso(row.started_at),
    duration_ms: row.duration_ms,
    outcome: row.outcome,
    request: { url: request.url, method: request.method, headers: redactHeaders(request.headers), body: payload },
    response_status: row.response_status,
    response_headers: row.response_headers_json === null ? null : (JSON.parse(row.response_headers_json) as Record<string, string>),
    response_body: row.response_body,
    response_truncated: row.response_truncated === 1,
    error_code: row.error_code,
    error_message: row.error_message,
  }
}
