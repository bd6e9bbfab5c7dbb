/**
 * Entry point of a delivery worker thread. Started by the worker pool with a path the host injects
 * (built file in production, this TS source under tsx in tests). Trusts its parent: tasks were
 * validated at ingest.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { Agent } from 'undici'
import { createSafeLookup } from './safe-lookup'
import { deliver } from './deliver'
import type { FromWorker, ToWorker } from './protocol'

export interface DeliveryWorkerData {
  /** Concurrent requests this thread may run, and so its connections per origin. */
  concurrency: number
  /** Also refuse private address ranges (loopback stays allowed). */
  blockPrivateTargets: boolean
}

const port = parentPort
if (!port) throw new Error('delivery worker must run in a worker thread')
const { concurrency, blockPrivateTargets } = workerData as DeliveryWorkerData
const policy = { blockPrivate: blockPrivateTargets }

// One keep-alive agent per thread: connections to a receiver are reused across jobs. Every name is
// resolved through the address policy, so a hostname cannot smuggle a refused address in.
const agent = new Agent({ connections: concurrency, keepAliveTimeout: 10_000, pipelining: 1, connect: { lookup: createSafeLookup(policy) } })

port.on('message', (message: ToWorker) => {
  if (message.type !== 'deliver') return
  void deliver(message.task, agent, policy).then((result) => {
    const reply: FromWorker = { type: 'result', result }
    port.postMessage(reply)
  })
})
