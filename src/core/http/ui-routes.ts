/**
 * Serves the built React UI (the web dashboard) at `/`: index.html with a strict CSP, and hashed
 * assets from its `assets/` folder. The host passes the folder (the renderer build output); core
 * never guesses where a bundler put it. Auth happens before (cookie from `/?token=`).
 */
import { readFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { PAGE_CSP } from './pages'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export function registerUiRoutes(app: FastifyInstance, uiDir: string): void {
  app.get('/', async (_request, reply) => {
    const html = await readFile(join(uiDir, 'index.html'))
    return reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).header('cache-control', 'no-store').send(html)
  })
  app.get('/assets/:file', async (request, reply) => {
    // basename() keeps every request inside the assets folder.
    const file = basename((request.params as { file: string }).file)
    const type = TYPES[extname(file)]
    if (!type) return reply.code(404).send({ detail: 'Not Found' })
    try {
      const body = await readFile(join(uiDir, 'assets', file))
      return reply.header('content-type', type).header('cache-control', 'private, max-age=31536000, immutable').send(body)
    } catch {
      return reply.code(404).send({ detail: 'Not Found' })
    }
  })
}
