/**
 * Turns a validated ingest request into a stored job. Called by the ingest route (and later by
 * replay); resolves with the job id only after the group commit that stored it.
 */
import { randomUUID } from 'node:crypto'
import { formatJobId, type IngestRequest } from '../../shared/wire/ingest'
import { maxAttemptsOf, type RetryPolicy } from '../../shared/wire/retry-policy'
import { refusalOf, type AddressPolicy } from '../delivery/address-policy'
import type { GroupCommit } from '../store/group-commit'
import type { JobsRepo, NewJobRow } from '../store/jobs-repo'

export type Enqueue = (request: IngestRequest, receivedAtMs: number, replayOf?: string | null) => Promise<string>

export class PayloadTooDeepError extends Error {
  constructor() {
    super('is nested too deeply to store')
    this.name = 'PayloadTooDeepError'
  }
}

/** The destination is an address deliveries may never go to (caught at ingest when it is an IP literal). */
export class TargetRefusedError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'TargetRefusedError'
  }
}

export interface EnqueueDeps {
  repo: JobsRepo
  groupCommit: GroupCommit
  retryPolicy: () => RetryPolicy
  /** Called synchronously before the write is submitted, so the same commit can claim the job. */
  onEnqueued: () => void
  /** Called after the commit that stored the job. */
  onStored?: (row: NewJobRow) => void
  addressPolicy: () => AddressPolicy
}

export function createEnqueue(deps: EnqueueDeps): Enqueue {
  return (request, receivedAtMs, replayOf = null) => {
    const refusal = refusalOf(new URL(request.to_url).hostname, deps.addressPolicy())
    if (refusal !== null) return Promise.reject(new TargetRefusedError(refusal))
    let payload: string
    try {
      payload = JSON.stringify(request.payload)
    } catch (error) {
      // JSON.stringify recurses: absurdly deep payloads overflow the stack instead of being stored.
      if (error instanceof RangeError) return Promise.reject(new PayloadTooDeepError())
      return Promise.reject(error)
    }
    const policy = request.retry ?? deps.retryPolicy()
    const row: NewJobRow = {
      id: formatJobId(request.group, request.tag, randomUUID()),
      status: request.delay_ms > 0 ? 'scheduled' : 'queued',
      to_url: request.to_url,
      method: request.method,
      headers_json: JSON.stringify(request.headers),
      to_auth: request.to_auth,
      tag: request.tag,
      grp: request.group,
      payload,
      retry_json: request.retry ? JSON.stringify(request.retry) : null,
      run_at: receivedAtMs + request.delay_ms,
      max_attempts: maxAttemptsOf(policy),
      replay_of: replayOf,
      created_at: receivedAtMs,
    }
    deps.onEnqueued()
    return deps.groupCommit.submit(
      () => deps.repo.insertJob(row),
      () => deps.onStored?.(row),
    ).then(() => row.id)
  }
}
