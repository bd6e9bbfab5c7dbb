/**
 * The engine's HTTP server (Fastify): health check, auth (token header or dashboard cookie, no
 * cross-origin callers), the original ingest route, the management API generated from the operation
 * table, live events (SSE), the OpenAPI document with interactive docs, and Prometheus metrics.
 *
 * Fastify because it does routing, content-type negotiation and safe JSON parsing (prototype
 * poisoning protection) faster and more carefully than hand-written node:http code.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type { EngineService } from '../api/engine-service'
import type { EventBus } from '../events'
import { registerApiRoutes } from './api-routes'
import { createAuthHook } from './auth'
import { createBodyLimitHook } from './body-limit'
import { createErrorHandler } from './errors'
import { createFailureThrottle } from './failure-throttle'
import { registerEventsRoute } from './events-route'
import { registerIngestRoute, type IngestRouteDeps } from './ingest-route'
import type { EngineMetrics } from './metrics'
import { answerWithTokenPrompt, registerDocsRoutes } from './pages'
import { registerUiRoutes } from './ui-routes'

export const HEALTH_PATH = '/healthz'
/** Fastify's own ceiling; the configurable limit below it is enforced by the body-limit hook. */
const MAX_BODY_BYTES = 64 * 1024 * 1024

export interface HttpServerDeps extends IngestRouteDeps {
  logger: Logger
  /** The current API token (it may be regenerated at runtime). */
  token: () => string
  bodyLimitBytes: () => number
  isReady: () => boolean
  service: () => EngineService
  events: () => EventBus
  metrics: () => EngineMetrics
  openApiDocument: () => Record<string, unknown>
  sseHeartbeatMs: number
  /** The built web UI to serve at `/`, if any. */
  uiDir: string | null
}

export interface HttpServer {
  app: FastifyInstance
  /** Ends open event streams, then closes the server. */
  close(): Promise<void>
}

export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
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
  app.addHook('onRequest', createAuthHook({ token: deps.token, onUnauthenticatedPage: answerWithTokenPrompt, throttle: createFailureThrottle() }))
  app.addHook('preParsing', createBodyLimitHook(deps.bodyLimitBytes))

  app.get(HEALTH_PATH, async (_request, reply) => {
    if (!deps.isReady()) return reply.code(503).send({ status: 'stopping' })
    return { status: 'ok' }
  })
  registerIngestRoute(app, deps)
  registerApiRoutes(app, deps.service)
  const streams = new Set<() => void>()
  registerEventsRoute(app, { events: deps.events, heartbeatMs: deps.sseHeartbeatMs, streams })
  app.get('/openapi.json', async () => deps.openApiDocument())
  registerDocsRoutes(app)
  if (deps.uiDir !== null) registerUiRoutes(app, deps.uiDir)
  app.get('/metrics', async (_request, reply) => {
    const { registry } = deps.metrics()
    return reply.header('content-type', registry.contentType).send(await registry.metrics())
  })

  return {
    app,
    async close() {
      for (const end of [...streams]) end()
      await app.close()
    },
  }
}
