/**
 * Maps every error that reaches the HTTP layer to the original's wire shape `{"detail": "..."}` with
 * the right status, and never leaks internals for unexpected ones.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { Logger } from 'pino'
import type { ErrorBody } from '../../shared/wire/error'

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly detail: string,
    readonly code?: string,
  ) {
    super(detail)
    this.name = 'HttpError'
  }
}

const FASTIFY_DETAILS: Record<string, (error: FastifyError) => ErrorBody> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => ({ detail: 'Request body is larger than the configured limit', code: 'body_too_large' }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => ({ detail: 'Content-Type must be application/json', code: 'unsupported_media_type' }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => ({ detail: 'Request body is empty; expected a JSON object', code: 'malformed_json' }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => ({ detail: 'Content-Length does not match the body', code: 'bad_request' }),
}

export function errorBodyOf(error: FastifyError | HttpError): { statusCode: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    return { statusCode: error.statusCode, body: error.code ? { detail: error.detail, code: error.code } : { detail: error.detail } }
  }
  const mapped = error.code ? FASTIFY_DETAILS[error.code] : undefined
  if (mapped) return { statusCode: error.statusCode ?? 400, body: mapped(error) }
  // Fastify's JSON parser reports syntax errors (and prototype poisoning) as 400s.
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON|prototype|constructor/i.test(error.message))) {
    return { statusCode: 400, body: { detail: `Malformed JSON body: ${error.message.slice(0, 200)}`, code: 'malformed_json' } }
  }
  const statusCode = error.statusCode ?? 500
  if (statusCode < 500) return { statusCode, body: { detail: error.message.slice(0, 500) } }
  return { statusCode, body: { detail: 'Internal server error', code: 'internal' } }
}

export function createErrorHandler(logger: Logger) {
  return (error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply): void => {
    const { statusCode, body } = errorBodyOf(error)
    if (statusCode >= 500 && statusCode !== 503) logger.error({ err: error, url: request.url }, 'request failed')
    void reply.code(statusCode).send(body)
  }
}
