/**
 * A body limit that can change at runtime (a setting), which Fastify's own `bodyLimit` cannot.
 * Rejects on Content-Length up front, and counts bytes of bodies without one.
 */
import { Transform, type Readable } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { HttpError } from './errors'

const tooLarge = () => new HttpError(413, 'Request body is larger than the configured limit', 'body_too_large')

export function createBodyLimitHook(limitBytes: () => number) {
  return async (request: FastifyRequest, _reply: FastifyReply, payload: Readable): Promise<Readable> => {
    const limit = limitBytes()
    const declared = Number(request.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) throw tooLarge()
    let seen = 0
    return payload.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          seen += chunk.length
          callback(seen > limit ? tooLarge() : null, chunk)
        },
      }),
    )
  }
}
