/**
 * The one error vocabulary of the management API, for both transports.
 */
export const ERROR_CODES = {
  invalid_request: 422,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  storage_unavailable: 503,
  internal: 500,
} as const

export type ErrorCode = keyof typeof ERROR_CODES

/** Thrown by the engine API and rebuilt by clients from the wire's `{detail, code}`. */
export class EngineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'EngineError'
  }

  get status(): number {
    return ERROR_CODES[this.code]
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_CODES
}
