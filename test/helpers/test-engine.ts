/**
 * A real engine for tests: SQLite in a temp dir, HTTP on 127.0.0.1 port 0, real delivery threads
 * running the TS worker entry under tsx.
 */
import { join } from 'node:path'
import pino from 'pino'
import { createEngine, type Engine } from '../../src/core/engine'
import type { EngineConfig } from '../../src/core/config'
import { tempDataDir } from './temp-dir'

export const TEST_TOKEN = 'test-token-0123456789'
export const WORKER_SCRIPT = {
  path: join(__dirname, '..', '..', 'src', 'core', 'delivery', 'worker-entry.ts'),
  execArgv: ['--require', 'tsx/cjs'],
}
export const SEARCH_WORKER_SCRIPT = {
  path: join(__dirname, '..', '..', 'src', 'core', 'search', 'search-worker.ts'),
  execArgv: ['--require', 'tsx/cjs'],
}

export interface TestEngine {
  engine: Engine
  url: string
  dataDir: string
  /** POSTs an ingest body (object → JSON) with the test token unless headers say otherwise. */
  ingest(body: unknown, init?: { headers?: Record<string, string>; rawBody?: string }): Promise<{ status: number; json: Record<string, unknown> }>
  stop(): Promise<void>
}

export async function createTestEngine(overrides: Partial<EngineConfig> = {}, options: { dataDir?: string } = {}): Promise<TestEngine> {
  const temp = options.dataDir ? undefined : tempDataDir()
  const dataDir = options.dataDir ?? temp!.dir
  const engine = createEngine(
    { dataDir, token: TEST_TOKEN, host: '127.0.0.1', port: 0, drainTimeoutMs: 2000, ...overrides },
    { logger: pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }), workerScript: WORKER_SCRIPT, searchWorkerScript: SEARCH_WORKER_SCRIPT, version: '0.0.0-test' },
  )
  await engine.start()
  const url = engine.address().url
  return {
    engine,
    url,
    dataDir,
    async ingest(body, init = {}) {
      const response = await fetch(`${url}/hook_slinger/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Token ${TEST_TOKEN}`, ...init.headers },
        body: init.rawBody ?? JSON.stringify(body),
      })
      const text = await response.text()
      return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
    },
    async stop() {
      await engine.stop()
      temp?.cleanup()
    },
  }
}
