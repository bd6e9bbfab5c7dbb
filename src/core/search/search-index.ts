/**
 * The engine's handle on the search worker: nudges it after commits that stored jobs (at most once
 * per `nudgeIntervalMs`), and lets a search wait until the jobs it should see are indexed
 * (read-your-writes, bounded so a rebuild never blocks the API).
 */
import { Worker } from 'node:worker_threads'
import type { WorkerScript } from '../delivery/worker-pool'
import { WORKER_RESOURCE_LIMITS } from '../worker-limits'
import type { FromSearchWorker, SearchWorkerData, ToSearchWorker } from './protocol'

export interface SearchIndex {
  /** New jobs were committed. */
  nudge(): void
  /** Resolves once jobs up to `seq` are indexed, or after `timeoutMs`; true when caught up. */
  catchUp(seq: number, timeoutMs: number): Promise<boolean>
  stop(): Promise<void>
}

export function createSearchIndex(options: {
  script: WorkerScript
  data: SearchWorkerData
  nudgeIntervalMs?: number
  onError: (message: string) => void
}): SearchIndex {
  const waiters = new Map<number, (isCaughtUp: boolean) => void>()
  let nextId = 1
  let lastNudge = 0
  let nudgeTimer: NodeJS.Timeout | undefined
  let isStopping = false
  let thread = spawn()
  const send = (message: ToSearchWorker) => thread.postMessage(message)

  function spawn(): Worker {
    const worker = new Worker(options.script.path, { workerData: options.data, execArgv: options.script.execArgv ?? [], resourceLimits: WORKER_RESOURCE_LIMITS })
    worker.unref()
    worker.on('message', (message: FromSearchWorker) => {
      if (message.type === 'caught-up') {
        waiters.get(message.id)?.(true)
        waiters.delete(message.id)
      } else {
        options.onError(message.message)
      }
    })
    worker.on('error', (error) => options.onError(error.message))
    // The index is rebuildable and the worker resumes from its stored position: restart it.
    worker.on('exit', () => {
      if (isStopping) return
      options.onError('the search worker exited; restarting it')
      setTimeout(() => {
        if (!isStopping) thread = spawn()
      }, 1000).unref()
    })
    return worker
  }

  return {
    nudge() {
      const interval = options.nudgeIntervalMs ?? 50
      if (nudgeTimer !== undefined) return
      const wait = Math.max(0, lastNudge + interval - Date.now())
      nudgeTimer = setTimeout(() => {
        nudgeTimer = undefined
        lastNudge = Date.now()
        send({ type: 'nudge' })
      }, wait)
      nudgeTimer.unref()
    },
    catchUp(seq, timeoutMs) {
      const id = nextId++
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(id)
          resolve(false)
        }, timeoutMs)
        waiters.set(id, (isCaughtUp) => {
          clearTimeout(timer)
          resolve(isCaughtUp)
        })
        send({ type: 'catch-up', id, upto: seq })
      })
    },
    async stop() {
      isStopping = true
      clearTimeout(nudgeTimer)
      for (const resolve of waiters.values()) resolve(false)
      waiters.clear()
      await thread.terminate()
    },
  }
}
