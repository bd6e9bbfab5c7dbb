/**
 * Command-line and environment options of `hook-slinger`, resolved into one typed object.
 * Precedence: flags, then the environment, then `.env`, then defaults. Pure, so it is unit-tested.
 */
import { parseArgs } from 'node:util'
import { ENGINE_DEFAULTS } from '../core/config'
import type { RetryPolicy } from '../shared/wire/retry-policy'
import { defaultDataDir } from './data-dir'
import type { EnvVars } from './env-file'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export type Command = 'serve' | 'token' | 'help' | 'version'

export interface CliOptions {
  command: Command
  host: string
  port: number
  dataDir: string
  /** From --token / API_TOKEN; null means "use the generated token in the data dir". */
  token: string | null
  /**
   * Settings the user can also change in the UI. Undefined when neither a flag nor the environment
   * sets them, so the engine uses the persisted setting (or its default).
   */
  workerCount: number | undefined
  requestTimeoutMs: number | undefined
  retryPolicy: RetryPolicy | undefined
  /** Refuse deliveries to private ranges too (link-local and cloud metadata are always refused). */
  blockPrivateTargets: boolean
  logLevel: LogLevel
}

export class UsageError extends Error {
  override name = 'UsageError'
}

export const USAGE = `Usage: hook-slinger <command> [options]

Commands:
  serve         Start the engine: ingest API, durable queue and delivery workers
  token         Print the API token (generating it on first use)
  help          Show this help

Options (flag / environment variable, default):
  --host <addr>       HOST                    127.0.0.1 (only this machine can connect)
  --port <n>          PORT                    5000
  --data-dir <path>   HOOK_SLINGER_DATA_DIR   per-user data dir (~/.local/share/hook-slinger on Linux)
  --workers <n>       HOOK_SLINGER_WORKERS    2 delivery threads (or as set in the UI)
  --token <token>     API_TOKEN               a random token generated at first start
  --block-private-targets  HOOK_SLINGER_BLOCK_PRIVATE_TARGETS=1
                                              also refuse private address ranges as destinations
                                              (link-local and cloud metadata are always refused)
                      HTTP_TIMEOUT            30 (seconds per delivery attempt)
                      MAX_RETRIES             3 (retries after the first attempt)
                      INTERVAL                5 (seconds between attempts)
                      LOG_LEVEL               info (fatal|error|warn|info|debug|trace|silent)
  -h, --help          Show this help
  -v, --version       Show the version

A .env file in the working directory is read too; real environment variables win over it.
Settings changed in the UI or API are kept in the data dir; a flag or variable given here wins over them.`

function parseInteger(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`${name} must be a whole number, got '${raw}'`)
  const value = Number(raw)
  if (value < min || value > max) throw new UsageError(`${name} must be between ${min} and ${max}, got ${value}`)
  return value
}

function parseSeconds(name: string, raw: string, minExclusiveZero: boolean): number {
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || (minExclusiveZero && value === 0)) {
    throw new UsageError(`${name} must be a ${minExclusiveZero ? 'positive' : 'non-negative'} number of seconds, got '${raw}'`)
  }
  return Math.round(value * 1000)
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

export function parseCliOptions(argv: readonly string[], env: EnvVars): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        workers: { type: 'string' },
        token: { type: 'string' },
        'block-private-targets': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const name = positionals[0] ?? 'help'
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`)
  let command: Command
  if (values.help) command = 'help'
  else if (values.version) command = 'version'
  else if (name === 'serve' || name === 'token' || name === 'help') command = name
  else throw new UsageError(`unknown command '${name}'`)

  const port = values.port ?? nonEmpty(env['PORT'])
  const workers = values.workers ?? nonEmpty(env['HOOK_SLINGER_WORKERS'])
  const timeout = nonEmpty(env['HTTP_TIMEOUT'])
  const maxRetries = nonEmpty(env['MAX_RETRIES'])
  const interval = nonEmpty(env['INTERVAL'])
  const logLevel = (nonEmpty(env['LOG_LEVEL']) ?? 'info').toLowerCase()
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new UsageError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got '${logLevel}'`)
  }
  const original = ENGINE_DEFAULTS.retryPolicy
  const defaultRetries = original.strategy === 'fixed' ? original.max_retries : 3
  const defaultIntervalMs = original.strategy === 'fixed' ? original.interval_ms : 5000

  return {
    command,
    host: values.host ?? nonEmpty(env['HOST']) ?? ENGINE_DEFAULTS.host,
    port: port === undefined ? ENGINE_DEFAULTS.port : parseInteger('port', port, 0, 65535),
    dataDir: values['data-dir'] ?? nonEmpty(env['HOOK_SLINGER_DATA_DIR']) ?? defaultDataDir(env),
    workerCount: workers === undefined ? undefined : parseInteger('workers', workers, 1, 64),
    token: nonEmpty(values.token) ?? nonEmpty(env['API_TOKEN']) ?? null,
    requestTimeoutMs: timeout === undefined ? undefined : parseSeconds('HTTP_TIMEOUT', timeout, true),
    // The original's two knobs describe a fixed policy; setting either one sets the policy.
    retryPolicy:
      maxRetries === undefined && interval === undefined
        ? undefined
        : {
            strategy: 'fixed',
            max_retries: maxRetries === undefined ? defaultRetries : parseInteger('MAX_RETRIES', maxRetries, 0, 100),
            interval_ms: interval === undefined ? defaultIntervalMs : parseSeconds('INTERVAL', interval, false),
          },
    blockPrivateTargets: values['block-private-targets'] === true || ['1', 'true', 'yes'].includes((env['HOOK_SLINGER_BLOCK_PRIVATE_TARGETS'] ?? '').toLowerCase()),
    logLevel: logLevel as LogLevel,
  }
}
