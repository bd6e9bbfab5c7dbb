/**
 * The headless host's logger: pino, one coloured line per event on a terminal, JSON lines otherwise
 * (for log shippers). Secrets are redacted by path as a second line of defence; core never logs them.
 */
import pino, { type Logger } from 'pino'
import pretty from 'pino-pretty'
import type { LogLevel } from './options'

export const REDACT_PATHS = ['to_auth', 'token', 'headers.authorization', '*.to_auth', '*.token', '*.headers.authorization']

/** Fields folded into the message on a terminal, in this order: `delivered job-id → url 200 12ms`. */
const INLINE_FIELDS = ['job_id', 'url', 'status', 'duration_ms', 'attempt', 'outcome', 'error', 'retry_in_ms'] as const

export function formatLine(log: Record<string, unknown>, messageKey: string): string {
  const parts = [String(log[messageKey] ?? '')]
  if (log['job_id'] !== undefined) parts.push(String(log['job_id']))
  if (log['url'] !== undefined) parts.push(`→ ${String(log['url'])}`)
  if (log['status'] !== undefined && log['status'] !== null) parts.push(String(log['status']))
  if (log['duration_ms'] !== undefined) parts.push(`${String(log['duration_ms'])}ms`)
  if (log['attempt'] !== undefined) parts.push(`attempt ${String(log['attempt'])}`)
  if (log['error'] !== undefined) parts.push(`(${String(log['error'])})`)
  if (log['retry_in_ms'] !== undefined) parts.push(`retry in ${String(log['retry_in_ms'])}ms`)
  return parts.join(' ')
}

export function createCliLogger(level: LogLevel, isTty: boolean): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined }
  if (isTty) {
    const stream = pretty({
      colorize: true,
      translateTime: 'HH:MM:ss.l',
      ignore: ['pid', 'hostname', 'outcome', 'ingest_url', 'dashboard_url', 'data_dir', 'token_source', ...INLINE_FIELDS].join(','),
      singleLine: true,
      messageFormat: formatLine,
      sync: true,
    })
    return pino(options, stream)
  }
  return pino(options, pino.destination({ fd: 1, sync: false }))
}
