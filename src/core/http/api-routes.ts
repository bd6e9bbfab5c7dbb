/**
 * The management API over HTTP, generated from the operation table: one route per operation,
 * input validated at this trust boundary, engine errors mapped to `{detail, code}` with their status.
 */
import type { FastifyInstance } from 'fastify'
import { EngineError } from '../../shared/contract/errors'
import { OPERATION_NAMES, operations } from '../../shared/contract/operations'
import type { EngineService } from '../api/engine-service'
import { invokeOperation } from '../api/invoke'
import { HttpError } from './errors'

/** Where an operation's input fields come from on HTTP: path params plus query (GET, DELETE) or body. */
export function httpInputOf(method: string, params: unknown, query: unknown, body: unknown): Record<string, unknown> {
  const rest = method === 'GET' || method === 'DELETE' ? query : body
  const fields = typeof rest === 'object' && rest !== null && !Array.isArray(rest) ? rest : {}
  return { ...fields, ...(params as Record<string, unknown>) }
}

export function registerApiRoutes(app: FastifyInstance, service: () => EngineService): void {
  for (const name of OPERATION_NAMES) {
    const operation = operations[name]
    app.route({
      method: operation.method,
      url: operation.path,
      handler: async (request) => {
        try {
          return await invokeOperation(service(), name, httpInputOf(operation.method, request.params, request.query, request.body))
        } catch (error) {
          if (error instanceof EngineError) throw new HttpError(error.status, error.message, error.code)
          throw error
        }
      },
    })
  }
}
