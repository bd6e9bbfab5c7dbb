/**
 * The engine's HTTP server (Fastify): health check, token auth on everything else, and the ingest
 * route. The management API of later issues registers on the same instance.
 *
 * Fastify because it does routing, body limits, content-type negotiation and JSON parsing (with
 * prototype-poisoning protection) faster and more carefully than hand-written node:http code.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import { isSameToken, tokenFromAuthorization } from '../auth/token'
import { createErrorHandler, HttpError } from './errors'
import { registerIngestRoute, type IngestRouteDeps } from './ingest-route'

export const HEALTH_PATH = '/healthz'

export interface HttpServerDeps extends IngestRouteDeps {
  logger: Logger
  /** Returns the current API token (it may be regenerated at runtime). */
  token: () => string
  bodyLimitBytes: number
  isReady: () => boolean
}

const AUTH_HELP = "Missing or invalid API token: send the header 'Authorization: Token <token>' (see `hook-slinger token`)"

export function createHttpServer(deps: HttpServerDeps): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: deps.bodyLimitBytes,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    // Ingest is fire-and-forget for callers, so keep their connections warm between jobs.
    keepAliveTimeout: 30_000,
  })
  // Only JSON bodies are accepted; without the default text/plain parser other types get a 415.
  app.removeContentTypeParser('text/plain')
  app.setErrorHandler(createErrorHandler(deps.logger))
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).send({ detail: 'Not Found' })
  })

  app.addHook('onRequest', async (request) => {
    if (request.url === HEALTH_PATH) return
    const given = tokenFromAuthorization(request.headers.authorization)
    if (given === null || !isSameToken(given, deps.token())) throw new HttpError(403, AUTH_HELP, 'forbidden')
  })

  app.get(HEALTH_PATH, async (_request, reply) => {
    if (!deps.isReady()) return reply.code(503).send({ status: 'stopping' })
    return { status: 'ok' }
  })

  registerIngestRoute(app, deps)
  return app
}
