/**
 * Engine configuration: what a host (CLI or Electron main) decides and passes to `createEngine`.
 * Core never reads argv, env or files for configuration itself.
 */
import { ORIGINAL_RETRY_POLICY, type RetryPolicy } from '../shared/wire/retry-policy'

export interface EngineConfig {
  /** Directory holding the database (and, by the hosts' choice, the token file). Must exist. */
  dataDir: string
  /** Interface to bind. Default 127.0.0.1: only this machine can reach the engine. */
  host: string
  /** TCP port; 0 picks a free one. Default 5000 (the original's). */
  port: number
  /** The API token every request but the health check must present. */
  token: string
  /** Where the generated token is stored (so it can be regenerated); null when the host configured it. */
  tokenFile: string | null
  /** The built web UI (index.html + assets/) to serve at `/`; null serves no UI. */
  uiDir: string | null
  /** Delivery worker threads. Default 2. */
  workerCount: number
  /** Concurrent deliveries per worker thread. Default 64. */
  concurrencyPerWorker: number
  /** Per-attempt limit for a complete response. Default 30 000 ms (the original's HTTP_TIMEOUT). */
  requestTimeoutMs: number
  /** Default retry policy. Default: the original's 3 retries, 5 s apart. */
  retryPolicy: RetryPolicy
  /** Refuse deliveries to private address ranges as well as link-local ones. Default false (local development). */
  blockPrivateTargets: boolean
  /** Cap on the database file; when reached, ingest answers 503 until space is freed. Default null (the disk is the limit). */
  maxDbBytes: number | null
  /** Largest accepted ingest body. Default 1 MiB. */
  bodyLimitBytes: number
  /** Bytes of each response body stored with its attempt. Default 64 KiB. */
  maxResponseBodyBytes: number
  /** Lease time beyond the request timeout before a claim counts as abandoned. Default 30 000 ms. */
  leaseSlackMs: number
  /** How often expired leases are looked for. Default 10 000 ms. */
  reapIntervalMs: number
  /** On stop, how long in-flight deliveries may finish before they are handed back. Default 10 000 ms. */
  drainTimeoutMs: number
  /** Days a succeeded job is kept; 0 keeps forever. Default 7. */
  retentionSucceededDays: number
  /** Days a failed or cancelled job is kept; 0 keeps forever. Default 30. */
  retentionFailedDays: number
  /** How often retention runs. Default 60 000 ms. */
  retentionIntervalMs: number
  /** Jobs deleted per transaction by retention and bulk actions, so the write lock is never held long. Default 500. */
  batchSize: number
  /** Events kept for clients resuming with Last-Event-ID. Default 5 000. */
  eventBufferSize: number
  /** Interval of `stats:tick` events while someone listens. Default 2 000 ms. */
  statsTickIntervalMs: number
}

export const DEFAULT_PORT = 5000
export const DATABASE_FILE_NAME = 'hook-slinger.db'

export const ENGINE_DEFAULTS = {
  host: '127.0.0.1',
  port: DEFAULT_PORT,
  workerCount: 2,
  concurrencyPerWorker: 64,
  requestTimeoutMs: 30_000,
  retryPolicy: ORIGINAL_RETRY_POLICY,
  blockPrivateTargets: false,
  maxDbBytes: null,
  bodyLimitBytes: 1024 * 1024,
  maxResponseBodyBytes: 64 * 1024,
  leaseSlackMs: 30_000,
  reapIntervalMs: 10_000,
  drainTimeoutMs: 10_000,
  tokenFile: null,
  uiDir: null,
  retentionSucceededDays: 7,
  retentionFailedDays: 30,
  retentionIntervalMs: 60_000,
  batchSize: 500,
  eventBufferSize: 5000,
  statsTickIntervalMs: 2000,
} as const satisfies Partial<EngineConfig>

export type EngineConfigInput = Pick<EngineConfig, 'dataDir' | 'token'> & Partial<EngineConfig>

/**
 * Precedence, lowest first: defaults, settings persisted by the user (API/UI), the host's explicit
 * configuration (flags, env). Explicit values win so a flag always means what it says.
 */
export function resolveEngineConfig(input: EngineConfigInput, persisted: Partial<EngineConfig> = {}): EngineConfig {
  return { ...ENGINE_DEFAULTS, ...stripUndefined(persisted), ...stripUndefined(input) }
}

export function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
