/**
 * A resizable pool of delivery worker threads. Owned by the engine; the dispatcher hands it tasks
 * and receives results through `onResult`. Resizing never loses or duplicates work: a removed thread
 * stops taking tasks and exits once its in-flight deliveries have answered.
 */
import { Worker } from 'node:worker_threads'
import type { DeliveryResult, DeliveryTask, FromWorker, ToWorker } from './protocol'
import type { DeliveryWorkerData } from './worker-entry'
import { WORKER_RESOURCE_LIMITS } from '../worker-limits'

export interface WorkerScript {
  /** Absolute path of the worker entry file (injected by the host). */
  path: string
  /** Extra Node flags for the thread, e.g. ['--require', 'tsx/cjs'] when running TS sources. */
  execArgv?: string[]
}

export interface WorkerPoolOptions {
  script: WorkerScript
  count: number
  /** Concurrent requests per thread. */
  concurrencyPerWorker: number
  /** Refuse private address ranges too. */
  blockPrivateTargets: boolean
  onResult: (task: DeliveryTask, result: DeliveryResult) => void
  onWorkerError?: (workerId: number, error: unknown) => void
}

export interface WorkerInfo {
  id: number
  state: 'active' | 'retiring'
  in_flight: number
}

interface PoolWorker {
  id: number
  thread: Worker
  state: 'active' | 'retiring' | 'gone'
  tasks: Map<number, DeliveryTask>
}

export interface WorkerPool {
  /** Tasks that can be dispatched right now. */
  freeSlots(): number
  inFlight(): number
  dispatch(task: DeliveryTask): void
  resize(count: number): void
  readonly size: number
  describe(): WorkerInfo[]
  /** Waits up to `drainMs` for in-flight tasks, then terminates every thread; returns tasks left unanswered. */
  stop(drainMs: number): Promise<DeliveryTask[]>
}

export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const workers: PoolWorker[] = []
  let nextId = 1
  let isStopping = false
  let onIdle: (() => void) | null = null

  const active = (): PoolWorker[] => workers.filter((w) => w.state === 'active')
  const inFlight = (): number => workers.reduce((sum, w) => sum + w.tasks.size, 0)

  function remove(worker: PoolWorker): void {
    worker.state = 'gone'
    const index = workers.indexOf(worker)
    if (index >= 0) workers.splice(index, 1)
  }

  function settle(worker: PoolWorker, result: DeliveryResult): void {
    const task = worker.tasks.get(result.deliveryId)
    if (!task) return
    worker.tasks.delete(result.deliveryId)
    options.onResult(task, result)
    if (worker.state === 'retiring' && worker.tasks.size === 0) {
      remove(worker)
      void worker.thread.terminate()
    }
    if (onIdle && inFlight() === 0) onIdle()
  }

  function spawn(): void {
    const workerData: DeliveryWorkerData = { concurrency: options.concurrencyPerWorker, blockPrivateTargets: options.blockPrivateTargets }
    const thread = new Worker(options.script.path, { workerData, execArgv: options.script.execArgv ?? [], resourceLimits: WORKER_RESOURCE_LIMITS })
    const worker: PoolWorker = { id: nextId++, thread, state: 'active', tasks: new Map() }
    thread.on('message', (message: FromWorker) => {
      if (message.type === 'result') settle(worker, message.result)
    })
    thread.on('error', (error) => options.onWorkerError?.(worker.id, error))
    thread.on('exit', () => {
      if (worker.state === 'gone') return
      const wasActive = worker.state === 'active'
      remove(worker)
      // A thread that died with work in hand: answer each task as a retryable failure.
      for (const task of [...worker.tasks.values()]) {
        worker.tasks.delete(task.deliveryId)
        options.onResult(task, crashedResult(task))
      }
      if (wasActive && !isStopping) spawn()
      if (onIdle && inFlight() === 0) onIdle()
    })
    thread.unref()
    workers.push(worker)
  }

  function resize(count: number): void {
    const target = Math.max(1, Math.floor(count))
    let current = active()
    while (current.length < target) {
      spawn()
      current = active()
    }
    // Retire the least busy threads first so the fewest deliveries are waited on.
    const surplus = current.sort((a, b) => a.tasks.size - b.tasks.size).slice(0, current.length - target)
    for (const worker of surplus) {
      if (worker.tasks.size === 0) {
        remove(worker)
        void worker.thread.terminate()
      } else {
        worker.state = 'retiring'
      }
    }
  }

  resize(options.count)

  return {
    freeSlots: () =>
      isStopping ? 0 : active().reduce((sum, w) => sum + Math.max(0, options.concurrencyPerWorker - w.tasks.size), 0),
    inFlight,
    dispatch(task) {
      let best: PoolWorker | undefined
      for (const w of workers) {
        if (w.state === 'active' && (!best || w.tasks.size < best.tasks.size)) best = w
      }
      if (!best) throw new Error('no delivery worker available')
      best.tasks.set(task.deliveryId, task)
      const message: ToWorker = { type: 'deliver', task }
      best.thread.postMessage(message)
    },
    resize,
    get size() {
      return active().length
    },
    describe: () => workers.map((w) => ({ id: w.id, state: w.state === 'retiring' ? 'retiring' : 'active', in_flight: w.tasks.size })),
    async stop(drainMs) {
      isStopping = true
      if (inFlight() > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, drainMs)
          onIdle = () => {
            clearTimeout(timer)
            resolve()
          }
        })
      }
      onIdle = null
      const unanswered = workers.flatMap((w) => [...w.tasks.values()])
      const threads = workers.map((w) => w.thread)
      for (const w of [...workers]) remove(w)
      await Promise.all(threads.map((t) => t.terminate()))
      return unanswered
    },
  }
}

function crashedResult(task: DeliveryTask): DeliveryResult {
  return {
    deliveryId: task.deliveryId,
    startedAt: Date.now(),
    durationMs: 0,
    status: null,
    headers: null,
    body: null,
    isBodyTruncated: false,
    errorCode: 'worker_crashed',
    errorMessage: 'the delivery thread exited before answering',
  }
}
