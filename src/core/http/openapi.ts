/**
 * The OpenAPI 3.1 document, generated from the same schemas the routes validate with: the
 * original's ingest endpoint (with its README example) and every operation of the table.
 */
import { z } from 'zod'
import { operations, OPERATION_NAMES } from '../../shared/contract/operations'
import { IngestAcceptedSchema, IngestBody } from '../../shared/wire/ingest'
import { INGEST_PATH } from './ingest-route'

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] }

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema
  return rest
}

const ERROR_SCHEMA = {
  type: 'object',
  properties: { detail: { type: 'string' }, code: { type: 'string' } },
  required: ['detail'],
}
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } })

const ORIGINAL_EXAMPLE = {
  to_url: 'https://webhook.site/37ad9530-59c3-430d-9db6-e68317321a9f',
  to_auth: '',
  tag: 'Dhaka',
  group: 'Bangladesh',
  payload: { greetings: 'Hello, world!' },
}

function pathParams(path: string): string[] {
  return [...path.matchAll(/:([a-z_]+)/g)].map((m) => m[1] ?? '')
}

export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  paths[INGEST_PATH] = {
    post: {
      operationId: 'ingestWebhook',
      summary: 'Queue a webhook (the original Hook Slinger endpoint)',
      tags: ['ingest'],
      requestBody: { required: true, content: { 'application/json': { schema: toSchema(IngestBody, 'input'), example: ORIGINAL_EXAMPLE } } },
      responses: {
        '202': { description: 'Stored; it will be delivered in the background', content: { 'application/json': { schema: toSchema(IngestAcceptedSchema, 'output') } } },
        '400': errorResponse('Invalid to_url or malformed JSON'),
        '403': errorResponse('Missing or wrong token'),
        '413': errorResponse('Body over the limit'),
        '415': errorResponse('Content type is not JSON'),
        '422': errorResponse('A field is invalid'),
        '503': errorResponse('Storage unavailable; nothing was stored'),
      },
    },
  }
  for (const name of OPERATION_NAMES) {
    const op = operations[name]
    const params = pathParams(op.path)
    const input = toSchema(op.input, 'input')
    const properties = input.properties ?? {}
    const required = new Set(input.required ?? [])
    const openApiPath = op.path.replace(/:([a-z_]+)/g, '{$1}')
    const parameters: unknown[] = params.map((param) => ({ name: param, in: 'path', required: true, schema: properties[param] ?? { type: 'string' } }))
    let requestBody: unknown
    const rest = Object.fromEntries(Object.entries(properties).filter(([key]) => !params.includes(key)))
    if (op.method === 'GET' || op.method === 'DELETE') {
      for (const [key, schema] of Object.entries(rest)) parameters.push({ name: key, in: 'query', required: required.has(key), schema })
    } else if (Object.keys(rest).length > 0 || op.method === 'PUT') {
      const bodyRequired = [...required].filter((key) => !params.includes(key))
      requestBody = {
        required: bodyRequired.length > 0,
        content: { 'application/json': { schema: { ...input, properties: rest, required: bodyRequired.length > 0 ? bodyRequired : undefined } } },
      }
    }
    paths[openApiPath] = {
      ...paths[openApiPath],
      [op.method.toLowerCase()]: {
        operationId: name,
        summary: op.summary,
        tags: ['management'],
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(requestBody ? { requestBody } : {}),
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: toSchema(op.output, 'output') } } },
          '403': errorResponse('Missing or wrong token, or a cross-origin request'),
          '404': errorResponse('No such job'),
          '409': errorResponse('The job is not in a state that allows this'),
          '422': errorResponse('Invalid input'),
        },
      },
    }
  }
  paths['/api/events'] = {
    get: {
      operationId: 'events',
      summary: 'Live engine events (Server-Sent Events; resume with Last-Event-ID)',
      tags: ['management'],
      responses: { '200': { description: 'text/event-stream of job:created, job:updated, job:deleted, attempt:finished, stats:tick, resync', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
    },
  }
  paths['/metrics'] = {
    get: { operationId: 'metrics', summary: 'Prometheus metrics', tags: ['operations'], responses: { '200': { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } } } },
  }
  paths['/healthz'] = {
    get: { operationId: 'health', summary: 'Readiness (no token needed)', tags: ['operations'], security: [], responses: { '200': { description: 'Ready' }, '503': { description: 'Stopping' } } },
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hook Slinger',
      version,
      description:
        "Send, retry, inspect and replay webhooks. Authorize with the value `Token <token>` (print it with `hook-slinger token`).",
    },
    servers: [{ url: '/' }],
    security: [{ token: [] }],
    components: {
      securitySchemes: {
        token: { type: 'apiKey', in: 'header', name: 'Authorization', description: "The value 'Token <token>'" },
      },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  }
}
