/**
 * `POST /hook_slinger/` — the original Hook Slinger's ingest endpoint, drop-in compatible.
 * Trusts nothing: the body is validated here, and 202 is sent only after the job is committed.
 */
import type { FastifyInstance } from 'fastify'
import { validateIngest, type IngestAccepted } from '../../shared/wire/ingest'
import type { Enqueue } from '../queue/enqueue'
import { PayloadTooDeepError, TargetRefusedError } from '../queue/enqueue'
import { HttpError } from './errors'

export const INGEST_PATH = '/hook_slinger/'

export interface IngestRouteDeps {
  enqueue: Enqueue
  clock: () => number
}

export function registerIngestRoute(app: FastifyInstance, deps: IngestRouteDeps): void {
  app.post(INGEST_PATH, async (request, reply): Promise<IngestAccepted> => {
    const receivedAtMs = deps.clock()
    const check = validateIngest(request.body)
    if (!check.ok) throw new HttpError(check.status, check.detail, 'invalid_request')
    let jobId: string
    try {
      jobId = await deps.enqueue(check.value, receivedAtMs)
    } catch (error) {
      if (error instanceof PayloadTooDeepError) throw new HttpError(422, `payload: ${error.message}`, 'invalid_request')
      if (error instanceof TargetRefusedError) throw new HttpError(400, `to_url: ${error.message}`, 'invalid_request')
      const code = (error as { code?: unknown }).code
      throw new HttpError(503, `Storage unavailable (${typeof code === 'string' ? code : 'error'}); the job was not stored, try again`, 'storage_unavailable')
    }
    void reply.code(202)
    return {
      status: 'queued',
      ok: true,
      message: 'Webhook registration successful.',
      job_id: jobId,
      queued_at: new Date(receivedAtMs).toISOString(),
    }
  })
}
