/**
 * The built bundles: every entry exists, the preload is one CommonJS file that needs only
 * electron, and the headless CLI never loads electron (it runs under plain node).
 */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { assertBuilt, CLI_PATH } from '../helpers/serve-process'
import { tempDataDir } from '../helpers/temp-dir'

const run = promisify(execFile)
const ROOT = join(__dirname, '..', '..')
const GUARD = join(ROOT, 'test', 'fixtures', 'no-electron.cjs')

describe('built bundles', () => {
  it('has the main, CLI, worker, preload and renderer entries', () => {
    assertBuilt()
    for (const file of ['out/main/index.js', 'out/main/cli.js', 'out/main/delivery-worker.js', 'out/main/search-worker.js', 'out/preload/index.js', 'out/renderer/index.html']) {
      expect(existsSync(join(ROOT, file)), file).toBe(true)
    }
  })

  it('emits the preload as one CommonJS file that requires only electron', () => {
    const preload = readFileSync(join(ROOT, 'out/preload/index.js'), 'utf8')
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron'])
    expect(preload).not.toMatch(/^import /m)
    expect(preload).toContain('exposeInMainWorld')
  })

  it('runs the headless CLI with electron made unloadable', async () => {
    const temp = tempDataDir()
    try {
      const env = { PATH: process.env['PATH'] ?? '' }
      const help = await run(process.execPath, ['--require', GUARD, CLI_PATH, '--help'], { env })
      expect(help.stdout).toContain('Usage: hook-slinger')
      const token = await run(process.execPath, ['--require', GUARD, CLI_PATH, 'token', '--data-dir', temp.dir], { env })
      expect(token.stdout.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/)
      // The guard itself works: the desktop entry does load electron.
      await expect(run(process.execPath, ['--require', GUARD, join(ROOT, 'out/main/index.js')], { env })).rejects.toThrow(/tried to load electron/)
    } finally {
      temp.cleanup()
    }
  })
})
