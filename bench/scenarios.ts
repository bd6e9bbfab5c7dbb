/**
 * Benchmark scenarios. Throughput scenarios run Hook Slinger and the baseline alternately
 * (A B A B …), each on a fresh process, and keep every round's figures; the runner takes medians.
 */
import { performance } from 'node:perf_hooks'
import { startBenchReceiver, type BenchReceiver } from './bench-receiver'
import { closedLoop, oneAtATime, paced, percentile, type SendRecord } from './load'
import { startBaseline, startHookSlinger, BENCH_TOKEN, type Target } from './targets'

export type Figures = Record<string, number>
const round1 = (x: number): number => Math.round(x * 10) / 10

async function waitForArrivals(receiver: BenchReceiver, expected: number, stallMs = 5000): Promise<void> {
  let last = receiver.arrivals.size
  let lastChange = performance.now()
  while (receiver.arrivals.size < expected) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    if (receiver.arrivals.size !== last) {
      last = receiver.arrivals.size
      lastChange = performance.now()
    } else if (performance.now() - lastChange > stallMs) {
      return
    }
  }
}

function deliveryFigures(record: SendRecord, receiver: BenchReceiver): Figures {
  const latencies: number[] = []
  let lastArrival = record.startedAt
  for (const [n, at] of receiver.arrivals) {
    const sent = record.sentAt.get(n)
    if (sent !== undefined) latencies.push(at - sent)
    if (at > lastArrival) lastArrival = at
  }
  return {
    accepted_per_s: Math.round(record.accepted / ((record.finishedAt - record.startedAt) / 1000)),
    ingest_p50_ms: round1(percentile(record.latencies, 0.5)),
    ingest_p99_ms: round1(percentile(record.latencies, 0.99)),
    delivered_per_s: Math.round(receiver.arrivals.size / ((lastArrival - record.startedAt) / 1000)),
    delivery_p50_ms: round1(percentile(latencies, 0.5)),
    delivery_p99_ms: round1(percentile(latencies, 0.99)),
    losses: record.accepted - receiver.arrivals.size,
    duplicates: receiver.deliveries - receiver.arrivals.size,
  }
}

async function withTarget<T>(name: Target['name'], run: (target: Target) => Promise<T>, env: Record<string, string> = {}): Promise<T> {
  const target = name === 'hook-slinger' ? await startHookSlinger(env) : await startBaseline()
  try {
    return await run(target)
  } finally {
    await target.stop()
  }
}

/** Closed-loop ingest + end-to-end delivery of `count` jobs at `concurrency`, per target and round. */
export async function throughput(count: number, concurrency: number, rounds: number): Promise<Record<Target['name'], Figures[]>> {
  const results: Record<Target['name'], Figures[]> = { 'hook-slinger': [], baseline: [] }
  const receiver = await startBenchReceiver()
  try {
    for (let r = 0; r < rounds; r++) {
      // A B A B …, starting with the other one every second round.
      const order: Array<Target['name']> = r % 2 === 0 ? ['hook-slinger', 'baseline'] : ['baseline', 'hook-slinger']
      for (const name of order) {
        receiver.reset()
        results[name].push(
          await withTarget(name, async (target) => {
            const rssIdle = target.rssMb()
            const record = await closedLoop(target.apiUrl, `${receiver.url}/hook`, count, concurrency)
            await waitForArrivals(receiver, record.accepted)
            return { ...deliveryFigures(record, receiver), rss_idle_mb: rssIdle, rss_after_mb: target.rssMb() }
          }),
        )
      }
    }
  } finally {
    await receiver.close()
  }
  return results
}

/** Light load: paced at `ratePerS` for `durationMs`, then `sequential` jobs one at a time. */
export async function lightLoad(ratePerS: number, durationMs: number, sequential: number): Promise<Record<Target['name'], Figures>> {
  const results = {} as Record<Target['name'], Figures>
  const receiver = await startBenchReceiver()
  try {
    for (const name of ['hook-slinger', 'baseline'] as const) {
      receiver.reset()
      results[name] = await withTarget(name, async (target) => {
        const record = await paced(target.apiUrl, `${receiver.url}/light`, ratePerS, durationMs)
        await waitForArrivals(receiver, record.accepted)
        const pacedFigures = deliveryFigures(record, receiver)
        const single = await oneAtATime(target.apiUrl, `${receiver.url}/single`, sequential, (n) => receiver.waitFor(n), 1_000_000)
        return {
          paced_rate_per_s: ratePerS,
          paced_arrival_p50_ms: pacedFigures.delivery_p50_ms ?? NaN,
          paced_arrival_p99_ms: pacedFigures.delivery_p99_ms ?? NaN,
          paced_losses: pacedFigures.losses ?? NaN,
          single_arrival_p50_ms: round1(percentile(single.latencies, 0.5)),
          single_arrival_p99_ms: round1(percentile(single.latencies, 0.99)),
        }
      })
    }
  } finally {
    await receiver.close()
  }
  return results
}

interface StatsBody {
  counts: Record<string, number>
  queue_depth: number
  in_flight: number
}

/** 20 % of deliveries answer 503 while jobs arrive at `ratePerS`: the backlog must stay flat and every job end. */
export async function retryStorm(ratePerS: number, durationMs: number): Promise<Figures> {
  const receiver = await startBenchReceiver()
  receiver.failRate = 0.2
  try {
    return await withTarget(
      'hook-slinger',
      async (target) => {
        const stats = async (): Promise<StatsBody> =>
          (await (await fetch(`${target.apiUrl}/api/stats`, { headers: { authorization: `Token ${BENCH_TOKEN}` } })).json()) as StatsBody
        const backlog: number[] = []
        let isSending = true
        const sampler = (async () => {
          while (isSending) {
            const s = await stats()
            backlog.push(s.queue_depth + s.in_flight)
            await new Promise((resolve) => setTimeout(resolve, 1000))
          }
        })()
        const record = await paced(target.apiUrl, `${receiver.url}/storm`, ratePerS, durationMs)
        isSending = false
        await sampler
        const drainStart = performance.now()
        let final = await stats()
        while (final.counts['queued']! + final.counts['scheduled']! + final.counts['delivering']! > 0 && performance.now() - drainStart < 120_000) {
          await new Promise((resolve) => setTimeout(resolve, 250))
          final = await stats()
        }
        const half = Math.floor(backlog.length / 2)
        const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length)
        return {
          offered_per_s: ratePerS,
          accepted: record.accepted,
          backlog_max: Math.max(0, ...backlog),
          backlog_first_half_mean: Math.round(mean(backlog.slice(0, half))),
          backlog_second_half_mean: Math.round(mean(backlog.slice(half))),
          drain_s: round1((performance.now() - drainStart) / 1000),
          succeeded: final.counts['succeeded'] ?? 0,
          failed: final.counts['failed'] ?? 0,
          unfinished: record.accepted - (final.counts['succeeded'] ?? 0) - (final.counts['failed'] ?? 0),
          receiver_503s: receiver.failuresSent,
          rss_after_mb: target.rssMb(),
        }
      },
      { MAX_RETRIES: '3', INTERVAL: '1' },
    )
  } finally {
    await receiver.close()
  }
}
