/**
 * Who may talk to the engine. Everything but the health check needs the token, as the
 * `Authorization: Token …` header (scripts, the original's callers) or as the session cookie the
 * dashboard gets by opening any page once with `?token=…` (EventSource cannot send headers).
 * Requests from other browser origins are refused outright, so a web page cannot drive the local API.
 */
import { createHmac } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { isSameToken, tokenFromAuthorization } from '../auth/token'
import { HttpError } from './errors'
import type { createFailureThrottle } from './failure-throttle'

export const SESSION_COOKIE = 'hook_slinger_session'
export const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/healthz'])
const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60

const AUTH_HELP = "Missing or invalid API token: send the header 'Authorization: Token <token>' (see `hook-slinger token`)"

/** The cookie value: derived from the token, so regenerating the token ends every session. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('hook-slinger-session-v1').digest('base64url')
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${sessionValue(token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_MAX_AGE_S}`
}

function isCrossOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin
  if (origin !== undefined) {
    const host = request.headers.host
    return host === undefined || (origin !== `http://${host}` && origin !== `https://${host}`)
  }
  // Browsers that omit Origin still say where a subresource request comes from.
  return request.headers['sec-fetch-site'] === 'cross-site' && request.headers['sec-fetch-mode'] !== 'navigate'
}

export interface AuthOptions {
  token: () => string
  /** Holds refusals of repeat offenders (see failure-throttle). */
  throttle?: ReturnType<typeof createFailureThrottle>
  /** Answers an unauthenticated browser navigation (e.g. with a page asking for the token); null sends the 403. */
  onUnauthenticatedPage?: (request: FastifyRequest, reply: FastifyReply) => boolean
}

export function createAuthHook(options: AuthOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const queryAt = request.url.indexOf('?')
    const path = queryAt < 0 ? request.url : request.url.slice(0, queryAt)
    if (PUBLIC_PATHS.has(path)) return
    if (isCrossOrigin(request)) throw new HttpError(403, 'Cross-origin requests are refused', 'forbidden')

    const token = options.token()
    const given = tokenFromAuthorization(request.headers.authorization)
    if (given !== null && isSameToken(given, token)) return
    const session = readCookie(request.headers.cookie, SESSION_COOKIE)
    if (session !== null && isSameToken(session, sessionValue(token))) return

    // `?token=` logs a browser in once: set the cookie and drop the token from the address bar.
    if (request.method === 'GET' && queryAt >= 0) {
      const params = new URLSearchParams(request.url.slice(queryAt + 1))
      const fromQuery = params.get('token')
      if (fromQuery !== null && isSameToken(fromQuery, token)) {
        params.delete('token')
        const rest = params.toString()
        await reply.header('set-cookie', sessionCookie(token)).header('cache-control', 'no-store').redirect(rest ? `${path}?${rest}` : path, 303)
        return reply
      }
    }
    if (request.method === 'GET' && options.onUnauthenticatedPage?.(request, reply)) return reply
    const holdMs = options.throttle?.fail(request.ip) ?? 0
    if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs))
    throw new HttpError(403, AUTH_HELP, 'forbidden')
  }
}
