/**
 * The headless host's logger: pino, pretty and coloured on a terminal, JSON lines otherwise
 * (for log shippers). Secrets are redacted by path as a second line of defence; core never logs them.
 */
import pino, { type Logger } from 'pino'
import pretty from 'pino-pretty'
import type { LogLevel } from './options'

export const REDACT_PATHS = ['to_auth', 'token', 'headers.authorization', '*.to_auth', '*.token', '*.headers.authorization']

export function createCliLogger(level: LogLevel, isTty: boolean): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined }
  if (isTty) {
    return pino(options, pretty({ colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname', sync: true }))
  }
  return pino(options, pino.destination({ fd: 1, sync: false }))
}
