/**
 * `createEngine(config, deps)`: the whole headless product (ingest server, durable queue, delivery
 * threads, management API, events) as one object with a start/stop lifecycle. Both hosts, the CLI
 * and Electron's main process, build their infrastructure and call this; nothing here knows which
 * host it runs in.
 */
import { join } from 'node:path'
import type { Logger } from 'pino'
import type { EngineEvent } from '../shared/contract/events'
import { createEngineService, type EngineService } from './api/engine-service'
import { configPatchOf } from './api/settings'
import { DATABASE_FILE_NAME, resolveEngineConfig, type EngineConfig, type EngineConfigInput } from './config'
import { createWorkerPool, type WorkerInfo, type WorkerPool, type WorkerScript } from './delivery/worker-pool'
import { createEventBus, type EventBus } from './events'
import { createJobReporter } from './job-reporter'
import { createHttpServer, type HttpServer } from './http/server'
import { createMetrics } from './http/metrics'
import { buildOpenApiDocument } from './http/openapi'
import { createDispatcher, type Dispatcher } from './queue/dispatcher'
import { createEnqueue, type Enqueue } from './queue/enqueue'
import { createRetention, type Retention } from './queue/retention'
import { createSearchIndex, type SearchIndex } from './search/search-index'
import { ensureSearchDb, openSearchReader, SEARCH_DB_FILE_NAME } from './search/search-schema'
import { createDeliveryStats } from './stats/delivery-stats'
import { openDatabase, setDatabaseLimit, type Db } from './store/database'
import { createGroupCommit } from './store/group-commit'
import { createJobsQuery } from './store/jobs-query'
import { createJobsRepo, type JobsRepo } from './store/jobs-repo'
import { migrate } from './store/migrations'
import { createSettingsRepo } from './store/settings-repo'

export interface EngineDeps {
  logger: Logger
  /** Where the delivery worker entry lives (built file, or TS source with a tsx loader in tests). */
  workerScript: WorkerScript
  /** Where the search worker entry lives (same rules). */
  searchWorkerScript: WorkerScript
  /** Product version, sent in the User-Agent header. */
  version: string
  /** Epoch-ms clock (injectable for tests). */
  clock?: () => number
  /** Uniform [0, 1) source for retry jitter. */
  random?: () => number
}

export interface Engine {
  /** Effective configuration (defaults ← persisted settings ← host config), live once started. */
  readonly config: EngineConfig
  start(): Promise<void>
  /** Stops accepting, drains or hands back in-flight deliveries, closes the database. */
  stop(): Promise<void>
  /** The bound address once started (port resolved when config.port is 0). */
  address(): { host: string; port: number; url: string }
  /** The management API, in process (the IPC adapter and tests call it). */
  api(): EngineService
  /** Live events; returns an unsubscribe function. */
  subscribe(listener: (event: EngineEvent) => void): () => void
  /** Caps the database size (null lifts the cap); see EngineConfig.maxDbBytes. */
  setDatabaseLimit(maxBytes: number | null): void
  /** Pause or resume deliveries (jobs keep being accepted and stored). */
  setDeliveriesPaused(isPaused: boolean): void
  /** Live scaling of delivery threads; no job is lost or duplicated. */
  setWorkerCount(count: number): void
  workers(): WorkerInfo[]
  /** Stores a validated job, as the ingest route does. */
  enqueue: Enqueue
  /** Direct store access for tests and benchmarks. */
  repo(): JobsRepo
  /** One retention pass now (it also runs on a timer). */
  runRetention(): Promise<number>
  /** Waits until the search index holds every stored job (benchmarks, tests); false on timeout. */
  waitForSearchIndex(timeoutMs: number): Promise<boolean>
}

/** Everything that exists only between start() and stop(). */
interface Running {
  db: Db
  repo: JobsRepo
  pool: WorkerPool
  dispatcher: Dispatcher
  server: HttpServer
  service: EngineService
  enqueue: Enqueue
  retention: Retention
  search: SearchIndex
  reader: Db
  statsTimer: NodeJS.Timeout
  port: number
}

export function createEngine(input: EngineConfigInput, deps: EngineDeps): Engine {
  const config = resolveEngineConfig(input)
  const clock = deps.clock ?? Date.now
  const random = deps.random ?? Math.random
  const log = deps.logger
  const events: EventBus = createEventBus(config.eventBufferSize)
  let running: Running | undefined
  let isReady = false

  const need = (): Running => {
    if (!running) throw new Error('engine is not started')
    return running
  }

  async function start(): Promise<void> {
    const mainDbPath = join(config.dataDir, DATABASE_FILE_NAME)
    const searchDbPath = join(config.dataDir, SEARCH_DB_FILE_NAME)
    const db = openDatabase(mainDbPath)
    migrate(db, undefined, clock())
    setDatabaseLimit(db, config.maxDbBytes)
    ensureSearchDb(searchDbPath)
    const reader = openSearchReader(mainDbPath, searchDbPath)
    const search = createSearchIndex({
      script: deps.searchWorkerScript,
      data: { mainDbPath, searchDbPath, batchSize: 2000, purgeIntervalMs: 60_000 },
      onError: (message) => log.error({ error: message }, 'search index')
    })
    const settingsRepo = createSettingsRepo(db)
    Object.assign(config, resolveEngineConfig(input, configPatchOf(settingsRepo.load())))
    const repo = createJobsRepo(db)
    // Deliveries claimed by a process that died belong to no one: requeue them at once.
    const requeued = repo.handBackAll(clock())
    if (requeued > 0) log.warn({ count: requeued }, 'requeued deliveries interrupted by the previous run')

    const stats = createDeliveryStats()
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
      blockPrivateTargets: config.blockPrivateTargets,
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
      onAttemptRecorded: (record) => reporter.attempted(record),
      onClaimed: (job) => reporter.claimed(job),
      onError: (error, context) => log.error({ err: error }, `failed while ${context}`),
    })
    const wake = dispatcher.wake
    const metrics = createMetrics({ countByStatus: repo.countByStatus, inFlight: pool.inFlight, workers: () => pool.size })
    const reporter = createJobReporter({ log, events, stats, metrics, clock })
    const storeJob = createEnqueue({
      repo,
      groupCommit,
      retryPolicy: () => config.retryPolicy,
      onEnqueued: wake,
      addressPolicy: () => ({ blockPrivate: config.blockPrivateTargets }),
      onStored: (row) => {
        search.nudge()
        reporter.stored(row)
      },
    })
    const service = createEngineService({
      config,
      repo,
      query: createJobsQuery(db, reader),
      groupCommit,
      pool,
      events,
      stats,
      enqueue: storeJob,
      clock,
      wake,
      saveSettings: settingsRepo.save,
      loadSettings: settingsRepo.load,
      search,
    })
    let openApi: Record<string, unknown> | undefined
    const server = createHttpServer({
      logger: log,
      token: () => config.token,
      bodyLimitBytes: () => config.bodyLimitBytes,
      isReady: () => isReady,
      enqueue: storeJob,
      clock,
      service: () => service,
      events: () => events,
      metrics: () => metrics,
      openApiDocument: () => (openApi ??= buildOpenApiDocument(deps.version)),
      sseHeartbeatMs: 15_000,
      uiDir: config.uiDir,
    })
    try {
      await server.app.listen({ host: config.host, port: config.port })
    } catch (error) {
      await pool.stop(0)
      await search.stop()
      reader.close()
      db.close()
      throw error
    }
    const address = server.app.server.address()
    const port = typeof address === 'object' && address !== null ? address.port : config.port
    const retention = createRetention(db, groupCommit, config, clock, (error) => log.error({ err: error }, 'retention failed'))
    const statsTimer = setInterval(() => {
      if (events.hasListeners()) void service.getStats({}).then((snapshot) => events.emit({ type: 'stats:tick', stats: snapshot }))
    }, config.statsTickIntervalMs)
    statsTimer.unref()
    running = { db, repo, pool, dispatcher, server, service, enqueue: storeJob, retention, search, reader, statsTimer, port }
    dispatcher.start()
    retention.start()
    isReady = true
  }

  async function stop(): Promise<void> {
    const current = running
    if (!current) return
    isReady = false
    clearInterval(current.statsTimer)
    current.retention.stop()
    // Stop accepting first; requests already in progress still get their commit and their answer.
    await current.server.close()
    await current.dispatcher.stop(config.drainTimeoutMs)
    await current.search.stop()
    current.reader.close()
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
    api: () => need().service,
    subscribe: (listener) => events.subscribe(listener),
    setDatabaseLimit(maxBytes) {
      config.maxDbBytes = maxBytes
      setDatabaseLimit(need().db, maxBytes)
    },
    setDeliveriesPaused(isPaused) {
      need().dispatcher.setPaused(isPaused)
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
    runRetention: () => need().retention.runOnce(),
    async waitForSearchIndex(timeoutMs) {
      const { repo, search } = need()
      const newest = repo.newestSeq()
      return newest === null ? true : search.catchUp(newest, timeoutMs)
    },
  }
}
