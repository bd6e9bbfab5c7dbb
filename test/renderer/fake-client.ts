/**
 * An in-memory EngineClient for renderer tests: the jobs it holds, the calls it received, and a
 * handle to push live events. (The real transports are covered by the contract suite.)
 */
import type { ConnectionState, EngineClient } from '../../src/shared/contract/client'
import { EngineError } from '../../src/shared/contract/errors'
import type { EngineEvent } from '../../src/shared/contract/events'
import type { Job, JobDetail, JobSummary } from '../../src/shared/contract/job'

export function job(id: string, patch: Partial<Job> = {}): Job {
  const at = new Date(Date.UTC(2026, 10, 28, 12, 0, 0)).toISOString()
  return {
    id,
    status: 'succeeded',
    to_url: `http://127.0.0.1:9/${id}`,
    method: 'POST',
    tag: 'tag',
    group: 'group',
    attempt_count: 1,
    max_attempts: 4,
    next_attempt_at: null,
    created_at: at,
    updated_at: at,
    finished_at: at,
    last_status: 200,
    last_error: null,
    replay_of: null,
    payload: { id },
    headers: {},
    has_auth: false,
    ...patch,
  }
}

type NewEvent = EngineEvent extends infer E ? (E extends EngineEvent ? Omit<E, 'seq'> : never) : never

export interface FakeClient extends EngineClient {
  jobs: Job[]
  calls: Array<{ name: string; input: unknown }>
  emit(event: NewEvent): void
  setState(state: ConnectionState): void
}

export function createFakeClient(jobs: Job[] = []): FakeClient {
  const calls: Array<{ name: string; input: unknown }> = []
  let listener: ((event: EngineEvent) => void) | null = null
  let onState: ((state: ConnectionState) => void) | undefined
  let seq = 0
  const record = (name: string, input: unknown) => calls.push({ name, input })
  const find = (id: string): Job => {
    const found = jobs.find((j) => j.id === id)
    if (!found) throw new EngineError('not_found', `job '${id}' was not found`)
    return found
  }
  const client = {
    jobs,
    calls,
    emit(event: NewEvent) {
      listener?.({ ...event, seq: ++seq } as EngineEvent)
    },
    setState(state: ConnectionState) {
      onState?.(state)
    },
    subscribe(l: (event: EngineEvent) => void, s?: (state: ConnectionState) => void) {
      listener = l
      onState = s
      s?.('live')
      return () => {
        listener = null
      }
    },
    async listJobs(input: { status?: string[]; limit?: number; cursor?: string }) {
      record('listJobs', input)
      const matching = jobs.filter((j) => !input.status || input.status.length === 0 || input.status.includes(j.status))
      const start = input.cursor ? Number(input.cursor) : 0
      const limit = input.limit ?? 50
      const items = matching.slice(start, start + limit)
      return { items, next_cursor: start + limit < matching.length ? String(start + limit) : null, total: matching.length, is_total_exact: true }
    },
    async getJob({ id }: { id: string }): Promise<JobDetail> {
      record('getJob', { id })
      const found = find(id)
      return {
        ...found,
        attempts: [
          {
            number: 1,
            started_at: found.created_at,
            duration_ms: 12,
            outcome: 'succeeded',
            request: { url: found.to_url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(found.payload) },
            response_status: 200,
            response_headers: { 'content-type': 'application/json' },
            response_body: '{"ok":true}',
            response_truncated: false,
            error_code: null,
            error_message: null,
          },
        ],
      }
    },
    async replayJob(input: { id: string }): Promise<JobSummary> {
      record('replayJob', input)
      const created = job(`${input.id}-replay`, { replay_of: input.id, status: 'queued' })
      jobs.unshift(created)
      return created
    },
    async retryJob(input: { id: string }) {
      record('retryJob', input)
      return { ...find(input.id), status: 'queued' as const }
    },
    async cancelJob(input: { id: string }) {
      record('cancelJob', input)
      return { ...find(input.id), status: 'cancelled' as const }
    },
    async deleteJob(input: { id: string }) {
      record('deleteJob', input)
      return { id: input.id, deleted: true as const }
    },
    async getStats() {
      record('getStats', {})
      const counts = { queued: 0, scheduled: 0, delivering: 0, succeeded: jobs.length, failed: 0, cancelled: 0 }
      return { counts, total: jobs.length, queue_depth: 0, oldest_due_age_ms: null, in_flight: 0, per_minute: [], success_rate: null, latency_ms: { p50: null, p95: null } }
    },
    async getToken() {
      return { token: 'fake-token', source: 'generated' as const }
    },
  }
  return new Proxy(client, {
    get(target, name: string) {
      if (name in target) return (target as Record<string, unknown>)[name]
      return async (input: unknown) => {
        record(name, input)
        throw new EngineError('internal', `${name} is not faked`)
      }
    },
  }) as unknown as FakeClient
}
