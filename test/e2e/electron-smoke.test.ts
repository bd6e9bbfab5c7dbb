/**
 * Electron smoke test: the window opens, a job posted to the ingest endpoint appears, and Replay
 * delivers it again. Needs the Electron binary, which this project's machines cannot download:
 * there it is skipped, saying why. It runs wherever `npx electron --version` works.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { startReceiver } from '../helpers/receiver'
import { tempDataDir } from '../helpers/temp-dir'
import { waitFor } from '../helpers/wait-for'

const ROOT = join(__dirname, '..', '..')

/**
 * Where an installed Electron binary is, without requiring electron's index.js: that one starts a
 * download when the binary is missing, and nothing may reach outside this machine.
 */
function electronBinary(): string | null {
  const packageDir = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  const distDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(packageDir, 'dist')
  const binary = join(distDir, relative)
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
if (!binary) console.info('electron smoke test skipped: no Electron binary on this machine (it cannot be downloaded here)')

describe.skipIf(!binary)('desktop app (Electron)', () => {
  it('opens, shows a posted job and replays it', { timeout: 60_000 }, async () => {
    const temp = tempDataDir()
    const receiver = await startReceiver()
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(ROOT, 'out', 'main', 'index.js'), `--user-data-dir=${temp.dir}`],
      env: { ...process.env, API_TOKEN: 'smoke', PORT: '0' },
    })
    try {
      const window = await app.firstWindow()
      await window.getByText('Hook Slinger').first().waitFor()
      const url = await app.evaluate(async ({ app: electronApp }) => electronApp.getPath('userData'))
      expect(url).toBe(temp.dir)
      // The ingest URL comes from the tray's engine; ask the page's bridge for the token and post through IPC.
      const jobId = await window.evaluate(async (to) => {
        const bridge = (window as unknown as { hookSlinger: { engine: { sendJob(input: unknown): Promise<{ ok: boolean; value: { id: string } }> } } }).hookSlinger
        const result = await bridge.engine.sendJob({ to_url: to, payload: { smoke: true } })
        return result.value.id
      }, `${receiver.url}/smoke`)
      await window.locator(`[data-job-id="${jobId}"]`).click()
      await window.getByRole('button', { name: 'Replay', exact: true }).click()
      await waitFor(() => receiver.requests.length === 2, { what: 'the replayed delivery' })
    } finally {
      await app.close()
      await receiver.close()
      temp.cleanup()
    }
  })
})
