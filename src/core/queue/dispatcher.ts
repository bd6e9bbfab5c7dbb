/**
 * Moves due jobs to delivery threads and records what came back.
 *
 * Claims happen inside the group commit's transaction (one fsync covers ingests, results and claims);
 * claimed jobs go to the worker pool only after that commit. A timer follows the next due `run_at`,
 * and every enqueue or finished delivery wakes the dispatcher, so there is no polling delay.
 * A reaper returns leases that outlived their delivery (a safety net: workers always answer).
 */
import { redactHeaders } from '../../shared/wire/http-header'
import { RetryPolicy } from '../../shared/wire/retry-policy'
import type { DeliveryResult, DeliveryTask } from '../delivery/protocol'
import type { WorkerPool } from '../delivery/worker-pool'
import type { GroupCommit } from '../store/group-commit'
import type { AttemptRow, ClaimedJobRow, CompletionUpdate, JobsRepo } from '../store/jobs-repo'
import { buildRequestHeaders } from './request-headers'
import { classify, type RetryDecision } from './retry-policy'

export interface AttemptRecord {
  job: ClaimedJobRow
  attempt: number
  result: DeliveryResult
  decision: RetryDecision
  update: CompletionUpdate
  attemptRow: AttemptRow
  /** False when the claim was stale (expired lease or handed back) and nothing was written. */
  isApplied: boolean
}

export interface DispatcherDeps {
  repo: JobsRepo
  groupCommit: GroupCommit
  pool: () => WorkerPool
  clock: () => number
  random: () => number
  retryPolicy: () => RetryPolicy
  requestTimeoutMs: () => number
  maxResponseBodyBytes: number
  /** Extra lease time beyond the request timeout before a claim counts as abandoned. */
  leaseSlackMs: number
  reapIntervalMs: number
  userAgent: string
  onAttemptRecorded?: (record: AttemptRecord) => void
  /** A job was claimed and handed to a delivery thread. */
  onClaimed?: (job: ClaimedJobRow) => void
  onError?: (error: unknown, context: string) => void
}

export interface Dispatcher {
  start(): void
  /** Something may be due now (new job, freed slot, more workers). */
  wake(): void
  /** While paused, nothing new is claimed; in-flight deliveries finish. */
  setPaused(isPaused: boolean): void
  /** Group-commit hooks. */
  claimInTransaction(): void
  afterCommit(): void
  afterRollback(): void
  onResult(task: DeliveryTask, result: DeliveryResult): void
  /** Stops claiming; waits up to `drainMs` for in-flight deliveries, then hands the rest back to the queue. */
  stop(drainMs: number): Promise<void>
}

const MAX_TIMER_MS = 2 ** 31 - 1

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const inFlight = new Map<number, { job: ClaimedJobRow }>()
  let nextDeliveryId = 1
  let isRunning = false
  let isPaused = false
  let wantsClaim = true
  let claimed: ClaimedJobRow[] = []
  let claimAsked = 0
  let dueTimer: NodeJS.Timeout | undefined
  let reapTimer: NodeJS.Timeout | undefined

  function wake(): void {
    wantsClaim = true
    if (isRunning) deps.groupCommit.request()
  }

  function armDueTimer(): void {
    clearTimeout(dueTimer)
    const nextDue = deps.repo.nextDueAt()
    if (nextDue === null) return
    const delayMs = Math.min(MAX_TIMER_MS, Math.max(0, nextDue - deps.clock()))
    dueTimer = setTimeout(wake, delayMs)
    dueTimer.unref()
  }

  function policyOf(job: ClaimedJobRow): RetryPolicy {
    if (job.retry_json === null) return deps.retryPolicy()
    const parsed = RetryPolicy.safeParse(JSON.parse(job.retry_json))
    return parsed.success ? parsed.data : deps.retryPolicy()
  }

  function dispatch(job: ClaimedJobRow): void {
    const deliveryId = nextDeliveryId++
    const task: DeliveryTask = {
      deliveryId,
      jobId: job.id,
      url: job.to_url,
      method: job.method,
      headers: buildRequestHeaders({
        jobId: job.id,
        toAuth: job.to_auth,
        extraHeaders: JSON.parse(job.headers_json) as Record<string, string>,
        userAgent: deps.userAgent,
      }),
      body: job.payload,
      timeoutMs: deps.requestTimeoutMs(),
      maxResponseBodyBytes: deps.maxResponseBodyBytes,
    }
    inFlight.set(deliveryId, { job })
    deps.pool().dispatch(task)
  }

  function record(task: DeliveryTask, job: ClaimedJobRow, result: DeliveryResult): void {
    const now = deps.clock()
    const attempt = job.attempt_count
    const decision = classify({
      outcome: { status: result.status, errorCode: result.errorCode, retryAfter: result.headers?.['retry-after'] ?? null },
      attempt,
      maxAttempts: job.max_attempts,
      policy: policyOf(job),
      nowMs: now,
      random: deps.random,
    })
    const lastError =
      result.status === null ? `${result.errorCode ?? 'error'}: ${result.errorMessage ?? ''}` : decision.kind === 'succeeded' ? null : `HTTP ${result.status}`
    const update: CompletionUpdate = {
      seq: job.seq,
      attempt,
      status: decision.kind === 'retry' ? 'scheduled' : decision.kind,
      run_at: decision.kind === 'retry' ? decision.atMs : now,
      last_status: result.status,
      last_error: lastError,
      now,
    }
    const attemptRow: AttemptRow = {
      job_seq: job.seq,
      number: attempt,
      started_at: result.startedAt,
      duration_ms: Math.round(result.durationMs * 1000) / 1000,
      request_json: JSON.stringify({ url: task.url, method: task.method, headers: redactHeaders(task.headers) }),
      response_status: result.status,
      response_headers_json: result.headers ? JSON.stringify(result.headers) : null,
      response_body: result.body,
      response_truncated: result.isBodyTruncated ? 1 : 0,
      error_code: result.errorCode,
      error_message: result.errorMessage,
      outcome: decision.kind,
    }
    deps.groupCommit
      .submit(() => deps.repo.complete(update, attemptRow))
      .then((isApplied) => deps.onAttemptRecorded?.({ job, attempt, result, decision, update, attemptRow, isApplied }))
      // The row keeps its lease; the reaper requeues it once the lease expires (at-least-once).
      .catch((error: unknown) => deps.onError?.(error, 'recording an attempt'))
  }

  return {
    start() {
      isRunning = true
      reapTimer = setInterval(() => {
        deps.groupCommit
          .submit(() => deps.repo.reapExpired(deps.clock()))
          .then((reaped) => {
            if (reaped > 0) wake()
          })
          .catch((error: unknown) => deps.onError?.(error, 'reaping expired leases'))
      }, deps.reapIntervalMs)
      reapTimer.unref()
      wake()
    },
    wake,
    setPaused(paused) {
      isPaused = paused
      if (!paused) wake()
    },
    claimInTransaction() {
      claimAsked = 0
      if (!isRunning || isPaused || !wantsClaim) return
      const free = deps.pool().freeSlots()
      if (free <= 0) return
      const now = deps.clock()
      claimAsked = free
      claimed = deps.repo.claimDue(now, now + deps.requestTimeoutMs() + deps.leaseSlackMs, free)
    },
    afterCommit() {
      const batch = claimed
      claimed = []
      for (const job of batch) {
        dispatch(job)
        deps.onClaimed?.(job)
      }
      if (claimAsked > 0 && batch.length < claimAsked) {
        // Nothing more is due now: sleep until the next run_at instead of polling.
        wantsClaim = false
        armDueTimer()
      }
    },
    afterRollback() {
      claimed = []
    },
    onResult(task, result) {
      const entry = inFlight.get(task.deliveryId)
      if (!entry) return
      inFlight.delete(task.deliveryId)
      record(task, entry.job, result)
      wake()
    },
    async stop(drainMs) {
      isRunning = false
      clearTimeout(dueTimer)
      clearInterval(reapTimer)
      await deps.pool().stop(drainMs)
      inFlight.clear()
      await deps.groupCommit.submit(() => deps.repo.handBackAll(deps.clock()))
    },
  }
}
