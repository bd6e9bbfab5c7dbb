/**
 * `hook-slinger`: the headless host. A composition root: it reads flags, env and `.env`, prepares
 * the data dir, token, logger and worker path, and hands them to `createEngine`. It must run under
 * plain Node (CI proves the built bundle never requires electron).
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadOrCreateToken, tokenFilePath } from '../core/auth/token'
import { createEngine } from '../core/engine'
import type { WorkerScript } from '../core/delivery/worker-pool'
import { INGEST_PATH } from '../core/http/ingest-route'
import { version } from '../../package.json'
import { mergeEnv, readEnvFile } from './env-file'
import { createCliLogger } from './logger'
import { parseCliOptions, UsageError, USAGE, type CliOptions } from './options'

/** The built bundle ships the worker files beside this one; from TS sources, run the entries under tsx. */
function workerScript(built: string, source: string): WorkerScript {
  if (__filename.endsWith('.ts')) return { path: join(__dirname, '..', 'core', source), execArgv: ['--require', 'tsx/cjs'] }
  return { path: join(__dirname, built) }
}

/** The built web UI: beside the CLI bundle (out/renderer), or the last build when running from sources. */
function uiDir(): string | null {
  const dir = __filename.endsWith('.ts') ? join(__dirname, '..', '..', 'out', 'renderer') : join(__dirname, '..', 'renderer')
  return existsSync(join(dir, 'index.html')) ? dir : null
}

function prepareDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
}

async function serve(options: CliOptions): Promise<void> {
  const logger = createCliLogger(options.logLevel, process.stdout.isTTY === true)
  prepareDataDir(options.dataDir)
  const token = options.token ?? loadOrCreateToken(options.dataDir)
  const engine = createEngine(
    {
      dataDir: options.dataDir,
      host: options.host,
      port: options.port,
      token,
      tokenFile: options.token ? null : tokenFilePath(options.dataDir),
      uiDir: uiDir(),
      workerCount: options.workerCount,
      requestTimeoutMs: options.requestTimeoutMs,
      retryPolicy: options.retryPolicy,
      blockPrivateTargets: options.blockPrivateTargets,
    },
    {
      logger,
      workerScript: workerScript('delivery-worker.js', 'delivery/worker-entry.ts'),
      searchWorkerScript: workerScript('search-worker.js', 'search/search-worker.ts'),
      version,
    },
  )
  await engine.start()
  const { url } = engine.address()
  const isTty = process.stdout.isTTY === true
  // The token goes into the printed link only on a terminal: JSON logs tend to travel to log stores.
  const dashboard = engine.config.uiDir === null ? null : isTty ? `${url}/?token=${encodeURIComponent(token)}` : `${url}/?token=<token>`
  // The ready banner is printed whatever LOG_LEVEL says: it is how a user (or a script) finds the port.
  logger.child({}, { level: 'info' }).info(
    {
      ingest_url: `${url}${INGEST_PATH}`,
      dashboard_url: dashboard ?? undefined,
      data_dir: options.dataDir,
      token_source: options.token ? 'API_TOKEN' : tokenFilePath(options.dataDir),
    },
    `Hook Slinger ${version} ready: POST ${url}${INGEST_PATH} with 'Authorization: Token <token>' ` +
      (options.token ? '(token from API_TOKEN)' : `(token in ${tokenFilePath(options.dataDir)}; print it with 'hook-slinger token')`) +
      (dashboard ? ` — dashboard: ${dashboard}` : ''),
  )
  if (options.host !== '127.0.0.1' && options.host !== '::1' && options.host !== 'localhost') {
    logger.warn({ host: options.host }, 'listening beyond this machine: the API token is now the only guard')
  }

  let stoppingSinceMs: number | null = null
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stoppingSinceMs !== null) {
      // Ctrl-C under `npm run` reaches us twice (from the terminal and forwarded by npm): only a
      // deliberate second signal forces the exit.
      if (Date.now() - stoppingSinceMs < 1000) return
      logger.warn({ signal }, 'second signal: exiting without draining')
      logger.flush()
      process.exit(1)
    }
    stoppingSinceMs = Date.now()
    logger.info({ signal }, 'shutting down: finishing in-flight deliveries')
    engine.stop().then(
      () => {
        logger.info('stopped')
        logger.flush()
        process.exitCode = 0
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed')
        logger.flush()
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

async function main(argv: readonly string[]): Promise<void> {
  const env = mergeEnv(readEnvFile(join(process.cwd(), '.env')), process.env)
  const options = parseCliOptions(argv, env)
  switch (options.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`)
      return
    case 'version':
      process.stdout.write(`${version}\n`)
      return
    case 'token':
      if (options.token) {
        process.stdout.write(`${options.token}\n`)
        return
      }
      prepareDataDir(options.dataDir)
      process.stdout.write(`${loadOrCreateToken(options.dataDir)}\n`)
      return
    case 'serve':
      await serve(options)
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`hook-slinger: ${error.message}\n\n${USAGE}\n`)
    process.exit(2)
  }
  const code = (error as { code?: unknown }).code
  if (code === 'EADDRINUSE') {
    process.stderr.write(`hook-slinger: the port is already in use (${(error as Error).message}); choose another with --port\n`)
    process.exit(1)
  }
  process.stderr.write(`hook-slinger: ${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
})
