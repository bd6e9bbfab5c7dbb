/**
 * The management API, implemented once for every transport (HTTP routes, IPC handlers and the
 * in-process client all call this). Inputs arrive validated by the operation table's schemas.
 * Every write goes through the group commit; events are emitted after the commit.
 */
import type { ParsedInput, OperationName, Output } from '../../shared/contract/operations'
import { EngineError } from '../../shared/contract/errors'
import { validateIngest } from '../../shared/wire/ingest'
import { generateToken, storeToken } from '../auth/token'
import { maxAttemptsOf } from '../../shared/wire/retry-policy'
import { JOB_STATUSES, type JobStatus } from '../../shared/wire/job-status'
import type { EngineConfig } from '../config'
import type { WorkerPool } from '../delivery/worker-pool'
import type { EventBus } from '../events'
import { PayloadTooDeepError, TargetRefusedError, type Enqueue } from '../queue/enqueue'
import type { DeliveryStats } from '../stats/delivery-stats'
import type { GroupCommit } from '../store/group-commit'
import { needsSearch, type JobsQuery } from '../store/jobs-query'
import type { SearchIndex } from '../search/search-index'
import type { JobRow, JobsRepo } from '../store/jobs-repo'
import { toAttempt, toJob, toJobSummary } from './job-mapper'
import { configPatchOf, settingsOf } from './settings'
import type { SettingsPatch } from '../../shared/contract/inputs'

/** The engine side of the contract: validated input in, wire output out. */
export type EngineService = { [N in OperationName]: (input: ParsedInput<N>) => Promise<Output<N>> }

export interface EngineServiceDeps {
  config: EngineConfig
  repo: JobsRepo
  query: JobsQuery
  groupCommit: GroupCommit
  pool: WorkerPool
  events: EventBus
  stats: DeliveryStats
  enqueue: Enqueue
  clock: () => number
  /** Something may be due now (a retried job). */
  wake: () => void
  /** Persists the user's setting changes. */
  saveSettings: (patch: SettingsPatch) => void
  loadSettings: () => SettingsPatch
  search: SearchIndex
}

/** How long a text search waits for the index to include the newest jobs before answering anyway. */
const SEARCH_FRESHNESS_WAIT_MS = 250
/** Bulk actions must see every match, so they wait longer. */
const BULK_SEARCH_WAIT_MS = 30_000

export function createEngineService(deps: EngineServiceDeps): EngineService {
  const { repo, query, groupCommit, events, clock, config } = deps

  function find(id: string): JobRow {
    const row = repo.getById(id)
    if (!row) throw new EngineError('not_found', `job '${id.slice(0, 200)}' was not found`)
    return row
  }

  function emitUpdated(seq: number): ReturnType<typeof toJobSummary> {
    const row = repo.getBySeq(seq)
    if (!row) throw new EngineError('not_found', 'job was deleted meanwhile')
    const job = toJobSummary(row)
    events.emit({ type: 'job:updated', job })
    return job
  }

  async function transition(id: string, apply: (row: JobRow) => boolean, refusal: (status: JobStatus) => string) {
    const row = find(id)
    const isChanged = await groupCommit.submit(() => apply(row))
    if (!isChanged) throw new EngineError('conflict', refusal(repo.getBySeq(row.seq)?.status ?? row.status))
    return emitUpdated(row.seq)
  }

  const extraAttemptsFor = (row: JobRow): number => {
    const override = row.retry_json === null ? null : (JSON.parse(row.retry_json) as Parameters<typeof maxAttemptsOf>[0])
    return maxAttemptsOf(override ?? config.retryPolicy)
  }

  /** Enqueue, with the refusals a caller can fix reported as invalid input. */
  async function enqueueChecked(request: Parameters<Enqueue>[0], replayOf: string | null): Promise<string> {
    try {
      return await deps.enqueue(request, clock(), replayOf)
    } catch (error) {
      if (error instanceof TargetRefusedError) throw new EngineError('invalid_request', `to_url: ${error.message}`)
      if (error instanceof PayloadTooDeepError) throw new EngineError('invalid_request', `payload: ${error.message}`)
      throw error
    }
  }

  /** Text filters go through the search index: let it include every job stored so far. */
  async function freshSearch(filter: Parameters<typeof needsSearch>[0], waitMs: number): Promise<void> {
    if (!needsSearch(filter)) return
    const newest = repo.newestSeq()
    if (newest !== null) await deps.search.catchUp(newest, waitMs)
  }

  /** Runs a bulk action batch by batch (one short transaction each), yielding between batches so ingest never waits long. */
  async function inBatches(input: ParsedInput<'bulkJobs'>, act: (seq: number, now: number) => boolean): Promise<number> {
    let changed = 0
    let before: number | null = null
    for (;;) {
      const seqs = query.seqBatch(input.filter, config.batchSize, before)
      if (seqs.length === 0) return changed
      before = seqs[seqs.length - 1] ?? null
      changed += await groupCommit.submit(() => {
        const now = clock()
        return seqs.reduce((n, seq) => (act(seq, now) ? n + 1 : n), 0)
      })
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  return {
    async listJobs(input) {
      const before = input.cursor === undefined ? null : Number.parseInt(input.cursor, 10)
      if (before !== null && !Number.isSafeInteger(before)) throw new EngineError('invalid_request', 'cursor: is not a cursor from a previous page')
      await freshSearch(input, SEARCH_FRESHNESS_WAIT_MS)
      const rows = query.page(input, input.limit + 1, before)
      const page = rows.slice(0, input.limit)
      const last = page[page.length - 1]
      const { total, isExact } = query.count(input)
      return {
        items: page.map(toJob),
        next_cursor: rows.length > input.limit && last ? String(last.seq) : null,
        total,
        is_total_exact: isExact,
      }
    },

    async sendJob(input) {
      const check = validateIngest(input)
      if (!check.ok) throw new EngineError('invalid_request', check.detail)
      const id = await enqueueChecked(check.value, null)
      const created = repo.getById(id)
      if (!created) throw new EngineError('not_found', 'the job was deleted meanwhile')
      return toJobSummary(created)
    },

    async getJob({ id }) {
      const row = find(id)
      return { ...toJob(row), attempts: repo.attemptsOf(row.seq).map((a) => toAttempt(a, row.payload)) }
    },

    async replayJob(input) {
      const source = find(input.id)
      const check = validateIngest({
        to_url: input.to_url ?? source.to_url,
        to_auth: input.to_auth === undefined ? source.to_auth : input.to_auth,
        tag: source.tag,
        group: source.grp,
        payload: input.payload ?? JSON.parse(source.payload),
        headers: input.headers ?? JSON.parse(source.headers_json),
        method: input.method ?? source.method,
        retry: source.retry_json === null ? null : JSON.parse(source.retry_json),
      })
      if (!check.ok) throw new EngineError('invalid_request', check.detail)
      const id = await enqueueChecked(check.value, source.id)
      const created = repo.getById(id)
      if (!created) throw new EngineError('not_found', 'the replay was deleted meanwhile')
      return toJobSummary(created)
    },

    retryJob: async ({ id }) =>
      transition(
        id,
        (row) => {
          const isChanged = repo.retryNow(row.seq, clock(), extraAttemptsFor(row))
          if (isChanged) deps.wake()
          return isChanged
        },
        (status) => `job is ${status}; only failed, scheduled or cancelled jobs can be retried`,
      ),

    cancelJob: async ({ id }) =>
      transition(id, (row) => repo.cancel(row.seq, clock()), (status) => `job is ${status}; only queued or scheduled jobs can be cancelled`),

    async deleteJob({ id }) {
      const row = find(id)
      await groupCommit.submit(() => repo.delete(row.seq))
      events.emit({ type: 'job:deleted', id: row.id })
      return { id: row.id, deleted: true as const }
    },

    async bulkJobs(input) {
      await freshSearch(input.filter, BULK_SEARCH_WAIT_MS)
      if (input.dry_run) {
        const filter = input.action === 'cancel' ? narrow(input.filter, ['queued', 'scheduled']) : input.action === 'retry' ? narrow(input.filter, ['failed', 'scheduled', 'cancelled']) : input.filter
        return { action: input.action, dry_run: true, count: filter ? query.count(filter, null).total : 0 }
      }
      let count = 0
      if (input.action === 'delete') {
        count = await inBatches(input, (seq) => repo.delete(seq))
      } else if (input.action === 'cancel') {
        const filter = narrow(input.filter, ['queued', 'scheduled'])
        if (filter) count = await inBatches({ ...input, filter }, (seq, now) => repo.cancel(seq, now))
      } else {
        const filter = narrow(input.filter, ['failed', 'scheduled', 'cancelled'])
        if (filter) {
          count = await inBatches({ ...input, filter }, (seq, now) => {
            const row = repo.getBySeq(seq)
            return row ? repo.retryNow(seq, now, extraAttemptsFor(row)) : false
          })
          deps.wake()
        }
      }
      // Many jobs changed at once: one resync tells live clients to reload instead of thousands of events.
      if (count > 0) events.emit({ type: 'resync' })
      return { action: input.action, dry_run: false, count }
    },

    async getStats() {
      const now = clock()
      const byStatus = repo.countByStatus()
      const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, byStatus[s] ?? 0])) as Record<JobStatus, number>
      const oldestDue = repo.oldestDueAt(now)
      return {
        counts,
        total: Object.values(counts).reduce((a, b) => a + b, 0),
        queue_depth: counts.queued + counts.scheduled,
        oldest_due_age_ms: oldestDue === null ? null : now - oldestDue,
        in_flight: deps.pool.inFlight(),
        ...deps.stats.snapshot(now),
      }
    },

    async getWorkers() {
      return workersOf(deps.pool)
    },

    async setWorkers({ count }) {
      await applySettings({ worker_count: count })
      return workersOf(deps.pool)
    },

    async getToken() {
      return { token: config.token, source: config.tokenFile === null ? ('configured' as const) : ('generated' as const) }
    },

    async regenerateToken() {
      if (config.tokenFile === null) throw new EngineError('conflict', 'the token is configured (API_TOKEN or --token); change it there')
      const token = generateToken()
      storeToken(config.tokenFile, token)
      config.token = token
      return { token, source: 'generated' as const }
    },

    async getSettings() {
      return settingsOf(config)
    },

    async updateSettings(patch) {
      await applySettings(patch)
      return settingsOf(config)
    },
  }

  async function applySettings(patch: SettingsPatch): Promise<void> {
    const merged = { ...deps.loadSettings(), ...patch }
    await groupCommit.submit(() => deps.saveSettings(merged))
    Object.assign(config, configPatchOf(patch))
    if (patch.worker_count !== undefined) {
      deps.pool.resize(patch.worker_count)
      deps.wake()
    }
  }
}

function workersOf(pool: WorkerPool) {
  return { count: pool.size, items: pool.describe() }
}

/** The filter restricted to `allowed` statuses, or null when nothing can match. */
function narrow<F extends { status?: JobStatus[] | undefined }>(filter: F, allowed: JobStatus[]): F | null {
  const status = filter.status && filter.status.length > 0 ? filter.status.filter((s) => allowed.includes(s)) : allowed
  return status.length === 0 ? null : { ...filter, status }
}
