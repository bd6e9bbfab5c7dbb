/**
 * Runs the built headless host (`out/main/cli.js`) as a child process under plain Node, the way a
 * user or CI would, and finds its port from the JSON ready line.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const CLI_PATH = join(__dirname, '..', '..', 'out', 'main', 'cli.js')

export function assertBuilt(): void {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build\` first (npm test does)`)
}

export interface ServeProcess {
  child: ChildProcess
  url: string
  logs: string[]
  exited: Promise<number | null>
}

export async function startServe(options: { dataDir: string; token?: string; env?: Record<string, string>; args?: string[]; cwd?: string }): Promise<ServeProcess> {
  assertBuilt()
  const child = spawn(process.execPath, [CLI_PATH, 'serve', '--port', '0', '--data-dir', options.dataDir, ...(options.args ?? [])], {
    cwd: options.cwd ?? options.dataDir,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'info', ...(options.token ? { API_TOKEN: options.token } : {}), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: string[] = []
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let buffered = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in time:\n${logs.join('\n')}`)), 15_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        logs.push(line)
        const match = /"ingest_url":"(http:\/\/[^"]+)\/hook_slinger\/"/.exec(line)
        if (match?.[1]) {
          clearTimeout(timer)
          resolve(match[1])
        }
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString('utf8')))
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code} before it was ready:\n${logs.join('\n')}`))
    })
  })
  return { child, url, logs, exited }
}
