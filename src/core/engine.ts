/**
 * `createEngine(config, deps)`: the whole headless product (ingest server, durable queue, delivery
 * threads) as one object with a start/stop lifecycle. Both hosts, the CLI and Electron's main
 * process, build their infrastructure and call this; nothing here knows which host it runs in.
 */
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import { DATABASE_FILE_NAME, resolveEngineConfig, type EngineConfig, type EngineConfigInput } from './config'
import { createWorkerPool, type WorkerInfo, type WorkerPool, type WorkerScript } from './delivery/worker-pool'
import { createHttpServer } from './http/server'
import { createDispatcher, type AttemptRecord, type Dispatcher } from './queue/dispatcher'
import { createEnqueue, type Enqueue } from './queue/enqueue'
import { openDatabase, type Db } from './store/database'
import { createGroupCommit } from './store/group-commit'
import { createJobsRepo, type JobsRepo } from './store/jobs-repo'
import { migrate } from './store/migrations'

export interface EngineDeps {
  logger: Logger
  /** Where the delivery worker entry lives (built file, or TS source with a tsx loader in tests). */
  workerScript: WorkerScript
  /** Product version, sent in the User-Agent header. */
  version: string
  /** Epoch-ms clock (injectable for tests). */
  clock?: () => number
  /** Uniform [0, 1) source for retry jitter. */
  random?: () => number
}

export interface Engine {
  readonly config: EngineConfig
  start(): Promise<void>
  /** Stops accepting, drains or hands back in-flight deliveries, closes the database. */
  stop(): Promise<void>
  /** The bound address once started (port resolved when config.port is 0). */
  address(): { host: string; port: number; url: string }
  /** Live scaling of delivery threads; no job is lost or duplicated. */
  setWorkerCount(count: number): void
  workers(): WorkerInfo[]
  /** Stores a validated job, as the ingest route does. */
  enqueue: Enqueue
  /** Read access to the store (tests, and the management API of later issues). */
  repo(): JobsRepo
}

/** Everything that exists only between start() and stop(). */
interface Running {
  db: Db
  repo: JobsRepo
  pool: WorkerPool
  dispatcher: Dispatcher
  server: FastifyInstance
  enqueue: Enqueue
  port: number
}

export function createEngine(input: EngineConfigInput, deps: EngineDeps): Engine {
  const config = resolveEngineConfig(input)
  const clock = deps.clock ?? Date.now
  const random = deps.random ?? Math.random
  const log = deps.logger
  let running: Running | undefined
  let isReady = false

  const need = (): Running => {
    if (!running) throw new Error('engine is not started')
    return running
  }

  function logAttempt({ job, attempt, result, decision, isApplied }: AttemptRecord): void {
    if (!isApplied) {
      log.debug({ job_id: job.id, attempt }, 'stale delivery result ignored')
      return
    }
    const fields = {
      job_id: job.id,
      url: job.to_url,
      attempt,
      status: result.status,
      duration_ms: Math.round(result.durationMs),
      error: result.errorCode ?? undefined,
    }
    if (decision.kind === 'succeeded') log.info({ ...fields, outcome: 'succeeded' }, 'delivered')
    else if (decision.kind === 'retry') log.warn({ ...fields, outcome: 'retry', retry_in_ms: decision.delayMs }, 'attempt failed, will retry')
    else log.error({ ...fields, outcome: 'failed', reason: decision.reason }, 'delivery failed permanently')
  }

  async function start(): Promise<void> {
    const db = openDatabase(join(config.dataDir, DATABASE_FILE_NAME))
    migrate(db, undefined, clock())
    const repo = createJobsRepo(db)
    // Deliveries claimed by a process that died belong to no one: requeue them at once.
    const requeued = repo.handBackAll(clock())
    if (requeued > 0) log.warn({ count: requeued }, 'requeued deliveries interrupted by the previous run')

    // The group commit, pool and dispatcher call each other; the hooks resolve `dispatcher` late.
    // eslint-disable-next-line prefer-const -- assigned below, after the parts it needs exist
    let dispatcher: Dispatcher | undefined
    const groupCommit = createGroupCommit(db, {
      beforeCommit: () => dispatcher?.claimInTransaction(),
      afterCommit: () => dispatcher?.afterCommit(),
      afterRollback: (error) => {
        dispatcher?.afterRollback()
        log.error({ err: error }, 'write transaction rolled back')
      },
    })
    const pool = createWorkerPool({
      script: deps.workerScript,
      count: config.workerCount,
      concurrencyPerWorker: config.concurrencyPerWorker,
      onResult: (task, result) => dispatcher?.onResult(task, result),
      onWorkerError: (workerId, error) => log.error({ err: error, worker_id: workerId }, 'delivery thread crashed'),
    })
    dispatcher = createDispatcher({
      repo,
      groupCommit,
      pool: () => pool,
      clock,
      random,
      retryPolicy: () => config.retryPolicy,
      requestTimeoutMs: () => config.requestTimeoutMs,
      maxResponseBodyBytes: config.maxResponseBodyBytes,
      leaseSlackMs: config.leaseSlackMs,
      reapIntervalMs: config.reapIntervalMs,
      userAgent: `hook-slinger/${deps.version}`,
      onAttemptRecorded: logAttempt,
      onError: (error, context) => log.error({ err: error }, `failed while ${context}`),
    })
    const wake = dispatcher.wake
    const storeJob = createEnqueue({ repo, groupCommit, retryPolicy: () => config.retryPolicy, onEnqueued: wake })
    const enqueue: Enqueue = async (request, receivedAtMs, replayOf) => {
      const id = await storeJob(request, receivedAtMs, replayOf)
      log.info({ job_id: id, url: request.to_url, method: request.method }, 'queued')
      return id
    }
    const server = createHttpServer({
      logger: log,
      token: () => config.token,
      bodyLimitBytes: config.bodyLimitBytes,
      isReady: () => isReady,
      enqueue,
      clock,
    })
    try {
      await server.listen({ host: config.host, port: config.port })
    } catch (error) {
      await pool.stop(0)
      db.close()
      throw error
    }
    const address = server.server.address()
    const port = typeof address === 'object' && address !== null ? address.port : config.port
    running = { db, repo, pool, dispatcher, server, enqueue, port }
    dispatcher.start()
    isReady = true
  }

  async function stop(): Promise<void> {
    const current = running
    if (!current) return
    isReady = false
    // Stop accepting first; requests already in progress still get their commit and their answer.
    await current.server.close()
    await current.dispatcher.stop(config.drainTimeoutMs)
    current.db.close()
    running = undefined
  }

  return {
    config,
    start,
    stop,
    address() {
      const { port } = need()
      const urlHost = config.host.includes(':') ? `[${config.host}]` : config.host
      return { host: config.host, port, url: `http://${urlHost}:${port}` }
    },
    setWorkerCount(count) {
      const { pool, dispatcher } = need()
      pool.resize(count)
      config.workerCount = pool.size
      dispatcher.wake()
    },
    workers: () => need().pool.describe(),
    enqueue: (...args) => need().enqueue(...args),
    repo: () => need().repo,
  }
}
