/**
 * Load generators for the benchmark: closed-loop (N jobs from C keep-alive senders), paced (a fixed
 * rate), and one-at-a-time. Each job carries its number `n` in the payload so the receiver can time
 * its arrival against the moment it was sent. All traffic goes to 127.0.0.1 and is bounded.
 */
import { performance } from 'node:perf_hooks'
import { Pool } from 'undici'
import { BENCH_TOKEN } from './targets'

export interface SendRecord {
  /** performance.now() when each job's request started, by n. */
  sentAt: Map<number, number>
  /** Ingest answer latencies, ms. */
  latencies: number[]
  accepted: number
  rejected: number
  startedAt: number
  finishedAt: number
}

function body(toUrl: string, n: number): string {
  return JSON.stringify({ to_url: toUrl, tag: 'bench', group: 'load', to_auth: '', payload: { event: 'order.paid', n, amount: n % 1000, note: 'benchmark payload of a typical size' } })
}

export function createSender(apiUrl: string, connections: number) {
  const pool = new Pool(apiUrl, { connections, pipelining: 1, keepAliveTimeout: 30_000 })
  async function send(toUrl: string, n: number, record: SendRecord): Promise<void> {
    const t0 = performance.now()
    record.sentAt.set(n, t0)
    try {
      const response = await pool.request({
        path: '/hook_slinger/',
        method: 'POST',
        headers: { authorization: `Token ${BENCH_TOKEN}`, 'content-type': 'application/json' },
        body: body(toUrl, n),
      })
      await response.body.dump()
      record.latencies.push(performance.now() - t0)
      if (response.statusCode === 202) record.accepted++
      else record.rejected++
    } catch {
      record.rejected++
    }
  }
  return { send, close: () => pool.close() }
}

const newRecord = (): SendRecord => ({ sentAt: new Map(), latencies: [], accepted: 0, rejected: 0, startedAt: performance.now(), finishedAt: 0 })

/** N jobs from `concurrency` senders, each sending its next job as soon as the previous is answered. */
export async function closedLoop(apiUrl: string, toUrl: string, count: number, concurrency: number, firstN = 0): Promise<SendRecord> {
  const sender = createSender(apiUrl, concurrency)
  const record = newRecord()
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await sender.send(toUrl, firstN + next++, record)
    }),
  )
  record.finishedAt = performance.now()
  await sender.close()
  return record
}

/** Jobs at a fixed rate (open loop), whatever the answers' latency. */
export async function paced(apiUrl: string, toUrl: string, ratePerS: number, durationMs: number, firstN = 0): Promise<SendRecord> {
  const sender = createSender(apiUrl, 256)
  const record = newRecord()
  const count = Math.round((ratePerS * durationMs) / 1000)
  const inFlight: Array<Promise<void>> = []
  let sent = 0
  while (sent < count) {
    const due = Math.min(count, Math.floor(((performance.now() - record.startedAt) * ratePerS) / 1000) + 1)
    while (sent < due) inFlight.push(sender.send(toUrl, firstN + sent++, record))
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  await Promise.all(inFlight)
  record.finishedAt = performance.now()
  await sender.close()
  return record
}

/** One job at a time: send, wait for it to arrive at the receiver, send the next. */
export async function oneAtATime(apiUrl: string, toUrl: string, count: number, arrived: (n: number) => Promise<number>, firstN = 0): Promise<{ record: SendRecord; latencies: number[] }> {
  const sender = createSender(apiUrl, 1)
  const record = newRecord()
  const latencies: number[] = []
  for (let i = 0; i < count; i++) {
    const n = firstN + i
    const arrival = arrived(n)
    await sender.send(toUrl, n, record)
    latencies.push((await arrival) - record.sentAt.get(n)!)
  }
  record.finishedAt = performance.now()
  await sender.close()
  return { record, latencies }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN
}

export function median(values: number[]): number {
  return percentile(values, 0.5)
}
