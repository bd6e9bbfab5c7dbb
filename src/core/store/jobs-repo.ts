/**
 * Prepared statements over `jobs` and `attempts`. Synchronous and transaction-agnostic: callers
 * (the group commit) decide the transaction boundaries. Called only on the main thread.
 */
import type { JobStatus } from '../../shared/wire/job-status'
import type { Db } from './database'

export interface NewJobRow {
  id: string
  status: 'queued' | 'scheduled'
  to_url: string
  method: string
  headers_json: string
  to_auth: string | null
  tag: string | null
  grp: string | null
  payload: string
  retry_json: string | null
  run_at: number
  max_attempts: number
  replay_of: string | null
  created_at: number
}

/** The columns a job summary (lists, events) is made of. */
export interface SummaryRow {
  id: string
  status: JobStatus
  to_url: string
  method: string
  tag: string | null
  grp: string | null
  attempt_count: number
  max_attempts: number
  run_at: number
  created_at: number
  updated_at: number
  finished_at: number | null
  last_status: number | null
  last_error: string | null
  replay_of: string | null
}

/** What a delivery needs (and its summary), returned by a claim. */
export interface ClaimedJobRow extends SummaryRow {
  seq: number
  headers_json: string
  to_auth: string | null
  payload: string
  retry_json: string | null
}

export interface AttemptRow {
  job_seq: number
  number: number
  started_at: number
  duration_ms: number
  request_json: string
  response_status: number | null
  response_headers_json: string | null
  response_body: string | null
  response_truncated: 0 | 1
  error_code: string | null
  error_message: string | null
  outcome: 'succeeded' | 'retry' | 'failed'
}

export interface CompletionUpdate {
  seq: number
  attempt: number
  status: 'succeeded' | 'scheduled' | 'failed'
  run_at: number
  last_status: number | null
  last_error: string | null
  now: number
}

export interface JobRow extends Omit<NewJobRow, 'status'> {
  seq: number
  status: JobStatus
  attempt_count: number
  lease_until: number | null
  last_status: number | null
  last_error: string | null
  updated_at: number
  finished_at: number | null
}

export type JobsRepo = ReturnType<typeof createJobsRepo>

export function createJobsRepo(db: Db) {
  const insertJob = db.prepare<NewJobRow>(`
    INSERT INTO jobs (id, status, to_url, method, headers_json, to_auth, tag, grp, payload, retry_json,
                      run_at, max_attempts, replay_of, created_at, updated_at)
    VALUES (:id, :status, :to_url, :method, :headers_json, :to_auth, :tag, :grp, :payload, :retry_json,
            :run_at, :max_attempts, :replay_of, :created_at, :created_at)`)

  // One statement claims a batch: the subquery walks the partial due-index in run_at order.
  // INDEXED BY pins the plan: left alone, the planner prefers (status, seq) and sorts every due row.
  const claimDue = db.prepare<{ now: number; lease_until: number; limit: number }, ClaimedJobRow>(`
    UPDATE jobs SET status = 'delivering', attempt_count = attempt_count + 1,
                    lease_until = :lease_until, updated_at = :now
    WHERE seq IN (SELECT seq FROM jobs INDEXED BY jobs_due WHERE status IN ('queued','scheduled') AND run_at <= :now
                  ORDER BY run_at LIMIT :limit)
    RETURNING seq, id, status, to_url, method, tag, grp, attempt_count, max_attempts, run_at, created_at, updated_at,
              finished_at, last_status, last_error, replay_of, headers_json, to_auth, payload, retry_json`)

  // Fenced: a late result from an expired or handed-back claim matches no row and changes nothing.
  const completeJob = db.prepare<CompletionUpdate>(`
    UPDATE jobs SET status = :status, run_at = :run_at, lease_until = NULL, last_status = :last_status,
                    last_error = :last_error, updated_at = :now,
                    finished_at = CASE WHEN :status IN ('succeeded','failed') THEN :now ELSE NULL END
    WHERE seq = :seq AND status = 'delivering' AND attempt_count = :attempt`)

  const insertAttempt = db.prepare<AttemptRow>(`
    INSERT INTO attempts (job_seq, number, started_at, duration_ms, request_json, response_status,
                          response_headers_json, response_body, response_truncated, error_code, error_message, outcome)
    VALUES (:job_seq, :number, :started_at, :duration_ms, :request_json, :response_status,
            :response_headers_json, :response_body, :response_truncated, :error_code, :error_message, :outcome)`)

  // The attempt that was cut short never produced a result, so it does not count.
  const handBackAll = db.prepare<{ now: number }>(`
    UPDATE jobs SET status = 'queued', attempt_count = attempt_count - 1, lease_until = NULL, updated_at = :now
    WHERE status = 'delivering'`)

  const handBackOne = db.prepare<{ seq: number; attempt: number; now: number }>(`
    UPDATE jobs SET status = 'queued', attempt_count = attempt_count - 1, lease_until = NULL, updated_at = :now
    WHERE seq = :seq AND status = 'delivering' AND attempt_count = :attempt`)

  const reapExpired = db.prepare<{ now: number }>(`
    UPDATE jobs SET status = 'queued', lease_until = NULL, updated_at = :now
    WHERE seq IN (SELECT seq FROM jobs INDEXED BY jobs_leased WHERE status = 'delivering' AND lease_until < :now)`)

  const nextDueAt = db
    .prepare<[], number | null>(`SELECT MIN(run_at) FROM jobs INDEXED BY jobs_due WHERE status IN ('queued','scheduled')`)
    .pluck()

  const byId = db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?')
  const attemptsOf = db.prepare<[number], AttemptRow>('SELECT * FROM attempts WHERE job_seq = ? ORDER BY number')
  // Kept by triggers (migration 002), so this is O(1) however large the store.
  const countByStatus = db.prepare<[], { status: JobStatus; n: number }>('SELECT status, n FROM job_counts')
  const bySeq = db.prepare<[number], JobRow>('SELECT * FROM jobs WHERE seq = ?')
  const newestSeq = db.prepare<[], number | null>('SELECT MAX(seq) FROM jobs').pluck()
  const oldestDue = db
    .prepare<[number], number | null>(`SELECT MIN(run_at) FROM jobs INDEXED BY jobs_due WHERE status IN ('queued','scheduled') AND run_at <= ?`)
    .pluck()

  // A failed (or cancelled) job gets a fresh round of attempts; a scheduled one is simply due now.
  const retryNow = db.prepare<{ seq: number; now: number; extra_attempts: number }>(`
    UPDATE jobs SET status = 'queued', run_at = :now, updated_at = :now, finished_at = NULL,
                    max_attempts = CASE WHEN status = 'scheduled' THEN max_attempts ELSE attempt_count + :extra_attempts END
    WHERE seq = :seq AND status IN ('failed','scheduled','cancelled')`)
  const cancel = db.prepare<{ seq: number; now: number }>(`
    UPDATE jobs SET status = 'cancelled', updated_at = :now, finished_at = :now
    WHERE seq = :seq AND status IN ('queued','scheduled')`)
  const deleteBySeq = db.prepare<[number]>('DELETE FROM jobs WHERE seq = ?')

  return {
    insertJob: (row: NewJobRow): void => {
      insertJob.run(row)
    },
    /** Claims up to `limit` due jobs, oldest due first (RETURNING has no order of its own). */
    claimDue: (nowMs: number, leaseUntilMs: number, limit: number): ClaimedJobRow[] =>
      claimDue.all({ now: nowMs, lease_until: leaseUntilMs, limit }).sort((a, b) => a.run_at - b.run_at || a.seq - b.seq),
    /** Applies a fenced completion and records its attempt; false when the claim was stale. */
    complete: (update: CompletionUpdate, attempt: AttemptRow): boolean => {
      if (completeJob.run(update).changes !== 1) return false
      insertAttempt.run(attempt)
      return true
    },
    handBackAll: (nowMs: number): number => handBackAll.run({ now: nowMs }).changes,
    handBackOne: (seq: number, attempt: number, nowMs: number): boolean =>
      handBackOne.run({ seq, attempt, now: nowMs }).changes === 1,
    reapExpired: (nowMs: number): number => reapExpired.run({ now: nowMs }).changes,
    nextDueAt: (): number | null => nextDueAt.get() ?? null,
    getById: (id: string): JobRow | undefined => byId.get(id),
    getBySeq: (seq: number): JobRow | undefined => bySeq.get(seq),
    newestSeq: (): number | null => newestSeq.get() ?? null,
    oldestDueAt: (nowMs: number): number | null => oldestDue.get(nowMs) ?? null,
    retryNow: (seq: number, nowMs: number, extraAttempts: number): boolean =>
      retryNow.run({ seq, now: nowMs, extra_attempts: extraAttempts }).changes === 1,
    cancel: (seq: number, nowMs: number): boolean => cancel.run({ seq, now: nowMs }).changes === 1,
    delete: (seq: number): boolean => deleteBySeq.run(seq).changes === 1,
    attemptsOf: (seq: number): AttemptRow[] => attemptsOf.all(seq),
    countByStatus: (): Partial<Record<JobStatus, number>> =>
      Object.fromEntries(countByStatus.all().map((row) => [row.status, row.n])),
  }
}
