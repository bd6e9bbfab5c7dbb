/**
 * Messages between the dispatcher (main thread) and delivery worker threads. Plain structured-clone
 * data only. Workers never touch the database: they receive a task and always answer with a result,
 * errors included, so nothing is ever thrown across the thread boundary.
 */

export interface DeliveryTask {
  /** Unique per dispatch (not per job): matches a result to its claim. */
  deliveryId: number
  jobId: string
  url: string
  method: string
  headers: Record<string, string>
  body: string
  timeoutMs: number
  /** Bytes of the response body kept; the rest is never read into memory. */
  maxResponseBodyBytes: number
}

/** Why an attempt produced no HTTP response. */
export type DeliveryErrorCode =
  | 'timeout'
  | 'connection_refused'
  | 'connection_reset'
  | 'dns'
  | 'tls'
  | 'network'
  | 'worker_crashed'
  /** The destination resolved to a refused address (cloud metadata, link-local, or private when blocked). */
  | 'blocked_target'

export interface DeliveryResult {
  deliveryId: number
  /** Epoch ms when the request started. */
  startedAt: number
  durationMs: number
  status: number | null
  /** Response headers, lowercase names, repeated values joined with ", ". */
  headers: Record<string, string> | null
  body: string | null
  isBodyTruncated: boolean
  errorCode: DeliveryErrorCode | null
  errorMessage: string | null
}

export type ToWorker = { type: 'deliver'; task: DeliveryTask }
export type FromWorker = { type: 'result'; result: DeliveryResult }
