import { execFile } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { startReceiver } from '../helpers/receiver'
import { assertBuilt, CLI_PATH, startServe } from '../helpers/serve-process'
import { tempDataDir } from '../helpers/temp-dir'
import { waitFor } from '../helpers/wait-for'

const run = promisify(execFile)

async function cli(args: string[], env: Record<string, string> = {}, cwd?: string) {
  assertBuilt()
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI_PATH, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, cwd })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('hook-slinger (built bundle under plain node)', () => {
  it('prints usage with --help, and the version', async () => {
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage: hook-slinger <command>/)
    expect(help.stdout).toMatch(/--data-dir/)
    const version = await cli(['--version'])
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('exits 2 with a clear message on a bad flag', async () => {
    const result = await cli(['serve', '--port', 'eighty'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/port must be a whole number, got 'eighty'/)
  })

  it('generates the token at first use and prints the same one again', async () => {
    const temp = tempDataDir()
    try {
      const first = await cli(['token', '--data-dir', temp.dir])
      expect(first.stdout.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(existsSync(join(temp.dir, 'token'))).toBe(true)
      expect((await cli(['token', '--data-dir', temp.dir])).stdout).toBe(first.stdout)
    } finally {
      temp.cleanup()
    }
  })

  it('serves with settings from .env, delivers, and exits 0 on SIGTERM', async () => {
    const temp = tempDataDir()
    const receiver = await startReceiver()
    // The original's .env names; the token comes only from the file here.
    writeFileSync(join(temp.dir, '.env'), 'API_TOKEN=from-dotenv\nMAX_RETRIES=0\nHTTP_TIMEOUT=5\n')
    const serve = await startServe({ dataDir: temp.dir, cwd: temp.dir })
    try {
      expect((await fetch(`${serve.url}/healthz`)).status).toBe(200)
      const response = await fetch(`${serve.url}/hook_slinger/`, {
        method: 'POST',
        headers: { authorization: 'Token from-dotenv', 'content-type': 'application/json' },
        body: JSON.stringify({ to_url: `${receiver.url}/cli`, payload: { ok: true } }),
      })
      expect(response.status).toBe(202)
      await waitFor(() => receiver.requests.length === 1, { what: 'delivery' })
      await waitFor(() => serve.logs.some((l) => l.includes('"msg":"delivered"')), { what: 'the delivery log line' })
      serve.child.kill('SIGTERM')
      expect(await serve.exited).toBe(0)
      expect(serve.logs.join('\n')).toMatch(/"msg":"stopped"/)
      // Secrets stay out of the log.
      expect(serve.logs.join('\n')).not.toContain('from-dotenv')
    } finally {
      serve.child.kill('SIGKILL')
      await receiver.close()
      temp.cleanup()
    }
  })
})
