/**
 * The two things measured side by side: Hook Slinger's built `serve`, and the bare-pipe baseline.
 * Each runs as its own child process on 127.0.0.1 with a fresh data dir.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const BENCH_TOKEN = 'bench-token'
const ROOT = join(__dirname, '..')

export interface Target {
  name: 'hook-slinger' | 'baseline'
  ingestUrl: string
  apiUrl: string
  child: ChildProcess
  rssMb(): number
  stop(): Promise<void>
}

function rssMbOf(pid: number | undefined): number {
  if (pid === undefined) return 0
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 102.4) / 10
}

async function start(name: Target['name'], command: string[], env: Record<string, string>, cleanup: () => void): Promise<Target> {
  const child = spawn(process.execPath, command, { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ingestUrl = await new Promise<string>((resolve, reject) => {
    let buffered = ''
    const timer = setTimeout(() => reject(new Error(`${name} did not start`)), 20_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const match = /"ingest_url":"([^"]+)"/.exec(buffered)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)))
  })
  child.stdout!.resume()
  return {
    name,
    ingestUrl,
    apiUrl: ingestUrl.replace(/\/hook_slinger\/$/, ''),
    child,
    rssMb: () => rssMbOf(child.pid),
    async stop() {
      child.kill('SIGTERM')
      await exited
      cleanup()
    },
  }
}

/** `nodeArgs` e.g. ['--cpu-prof'] to profile the engine under load. */
export async function startHookSlinger(env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hook-slinger-bench-'))
  return start(
    'hook-slinger',
    [...nodeArgs, join(ROOT, 'out', 'main', 'cli.js'), 'serve', '--port', '0', '--data-dir', dataDir],
    { API_TOKEN: BENCH_TOKEN, LOG_LEVEL: 'warn', ...env },
    () => rmSync(dataDir, { recursive: true, force: true }),
  )
}

export async function startBaseline(): Promise<Target> {
  return start('baseline', ['--import', 'tsx', join(ROOT, 'bench', 'baseline-server.ts')], { API_TOKEN: BENCH_TOKEN }, () => undefined)
}
