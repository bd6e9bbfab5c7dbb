/**
 * A lean receiver for benchmarks: records the arrival time of each job by the `n` in its payload,
 * counts duplicates, and can fail a share of deliveries with 503. Listens on 127.0.0.1 only.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'

export interface BenchReceiver {
  url: string
  /** First arrival (performance.now()) per job number. */
  arrivals: Map<number, number>
  deliveries: number
  failuresSent: number
  /** Share of requests answered 503 (0..1). */
  failRate: number
  /** Resolves when job `n` first arrives. */
  waitFor(n: number): Promise<number>
  reset(): void
  close(): Promise<void>
}

export async function startBenchReceiver(random: () => number = Math.random): Promise<BenchReceiver> {
  const waiters = new Map<number, (at: number) => void>()
  const state: BenchReceiver = {
    url: '',
    arrivals: new Map(),
    deliveries: 0,
    failuresSent: 0,
    failRate: 0,
    waitFor(n) {
      const at = state.arrivals.get(n)
      if (at !== undefined) return Promise.resolve(at)
      return new Promise((resolve) => waiters.set(n, resolve))
    },
    reset() {
      state.arrivals = new Map()
      state.deliveries = 0
      state.failuresSent = 0
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const at = performance.now()
      if (state.failRate > 0 && random() < state.failRate) {
        state.failuresSent++
        res.writeHead(503).end()
        return
      }
      state.deliveries++
      const match = /"n":(\d+)/.exec(Buffer.concat(chunks).toString('utf8'))
      if (match?.[1]) {
        const n = Number(match[1])
        if (!state.arrivals.has(n)) {
          state.arrivals.set(n, at)
          waiters.get(n)?.(at)
          waiters.delete(n)
        }
      }
      res.writeHead(200).end()
    })
  })
  server.keepAliveTimeout = 30_000
  server.maxConnections = 1024
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return state
}
