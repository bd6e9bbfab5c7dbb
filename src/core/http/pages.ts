/**
 * Small server-rendered pages: the token prompt shown to a browser without a session, and the
 * interactive API docs (Swagger UI from the swagger-ui-dist package, served locally: no CDN).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/** No inline scripts anywhere, so the policy can forbid them. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

export function tokenPrompt(path: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hook Slinger — sign in</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { display: grid; place-items: center; min-height: 100vh; margin: 0; }
  form { display: grid; gap: .75rem; width: min(28rem, 90vw); }
  input, button { font: inherit; padding: .5rem .75rem; }
  code { font-size: .9em; }
</style></head>
<body><form method="get" action="${escapeHtml(path)}">
  <h1>Hook Slinger</h1>
  <label for="token">API token</label>
  <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
  <button type="submit">Open</button>
  <p>Print the token with <code>hook-slinger token</code>, or open the link <code>serve</code> printed.</p>
</form></body></html>`
}

/** Browser navigations (they accept HTML) get the prompt instead of a JSON 403. */
export function answerWithTokenPrompt(request: FastifyRequest, reply: FastifyReply): boolean {
  const path = request.url.split('?')[0] ?? '/'
  if (path.startsWith('/api/') || !(request.headers.accept ?? '').includes('text/html')) return false
  void reply.code(401).header('content-type', 'text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(tokenPrompt(path))
  return true
}

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hook Slinger API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>`

const DOCS_INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: true,
  tryItOutEnabled: true,
})
`

export function registerDocsRoutes(app: FastifyInstance): void {
  const dist = dirname(createRequire(__filename).resolve('swagger-ui-dist/package.json'))
  const assets = new Map<string, { type: string; body: () => Buffer | string }>([
    ['/docs/swagger-ui.css', { type: 'text/css; charset=utf-8', body: () => readFileSync(join(dist, 'swagger-ui.css')) }],
    ['/docs/swagger-ui-bundle.js', { type: 'text/javascript; charset=utf-8', body: () => readFileSync(join(dist, 'swagger-ui-bundle.js')) }],
    ['/docs/init.js', { type: 'text/javascript; charset=utf-8', body: () => DOCS_INIT }],
  ])
  const cache = new Map<string, Buffer | string>()
  app.get('/docs', async (_request, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(DOCS_HTML),
  )
  for (const [path, asset] of assets) {
    app.get(path, async (_request, reply) => {
      let body = cache.get(path)
      if (body === undefined) {
        body = asset.body()
        cache.set(path, body)
      }
      return reply.header('content-type', asset.type).header('cache-control', 'private, max-age=3600').send(body)
    })
  }
}
