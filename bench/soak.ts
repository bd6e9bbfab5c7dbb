/**
 * Soak: `serve` under a steady 500 jobs/s for 10 minutes (default) with 5 % of deliveries failing
 * (503), all on 127.0.0.1. Samples RSS every 30 s and counts error lines in its log. Not part of CI.
 * Usage: node --import tsx bench/soak.ts [minutes] [rate]
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startBenchReceiver } from './bench-receiver'
import { paced } from './load'
import { startHookSlinger } from './targets'

async function main(): Promise<void> {
  const minutes = Number(process.argv[2] ?? 10)
  const rate = Number(process.argv[3] ?? 500)
  const receiver = await startBenchReceiver()
  receiver.failRate = 0.05
  const target = await startHookSlinger({ LOG_LEVEL: 'error', MAX_RETRIES: '3', INTERVAL: '1' })
  let errorLines = 0
  target.child.stdout!.on('data', (chunk: Buffer) => {
    errorLines += chunk.toString('utf8').split('\n').filter((line) => line.includes('"level":50') || line.includes('"level":60')).length
  })
  const series: Array<{ t_s: number; rss_mb: number }> = [{ t_s: 0, rss_mb: target.rssMb() }]
  const t0 = performance.now()
  const sampler = setInterval(() => {
    series.push({ t_s: Math.round((performance.now() - t0) / 1000), rss_mb: target.rssMb() })
    console.error(`soak ${series.at(-1)!.t_s}s rss ${series.at(-1)!.rss_mb} MB, delivered ${receiver.arrivals.size}`)
  }, 30_000)
  const record = await paced(target.apiUrl, `${receiver.url}/soak`, rate, minutes * 60_000)
  clearInterval(sampler)
  series.push({ t_s: Math.round((performance.now() - t0) / 1000), rss_mb: target.rssMb() })
  await new Promise((resolve) => setTimeout(resolve, 10_000))
  const half = Math.floor(series.length / 2)
  const mean = (xs: typeof series) => xs.reduce((a, b) => a + b.rss_mb, 0) / Math.max(1, xs.length)
  const result = {
    minutes,
    rate_per_s: rate,
    accepted: record.accepted,
    rejected: record.rejected,
    delivered_unique: receiver.arrivals.size,
    receiver_503s: receiver.failuresSent,
    error_log_lines: errorLines,
    rss_first_half_mean_mb: Math.round(mean(series.slice(1, half)) * 10) / 10,
    rss_second_half_mean_mb: Math.round(mean(series.slice(half)) * 10) / 10,
    rss_series: series,
  }
  console.log(JSON.stringify(result, null, 2))
  mkdirSync(join(__dirname, 'results'), { recursive: true })
  writeFileSync(join(__dirname, 'results', `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2))
  await target.stop()
  await receiver.close()
}

void main()
