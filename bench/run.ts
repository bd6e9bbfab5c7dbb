/**
 * `npm run bench`: Hook Slinger against the bare-pipe baseline in the same run, on 127.0.0.1 only,
 * bounded in count and time. Prints a table, checks the targets of the benchmark issue, and writes
 * bench/results/<timestamp>.json. `--quick` runs a reduced set in under a minute.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { median } from './load'
import { lightLoad, retryStorm, throughput, type Figures } from './scenarios'
import { measureStoreScale } from './store-scale'
import { measureUiFirstRows } from './ui-first-rows'

const isQuick = process.argv.includes('--quick')
const plan = isQuick
  ? { jobs: 3000, rounds: 1, concurrencies: [32], lightMs: 2000, sequential: 100, stormMs: 5000, storeJobs: 20_000, uiJobs: 0 }
  : { jobs: 20_000, rounds: 3, concurrencies: [32, 64], lightMs: 5000, sequential: 300, stormMs: 30_000, storeJobs: 1_000_000, uiJobs: 100_000 }

function medians(runs: Figures[]): Figures {
  const keys = Object.keys(runs[0] ?? {})
  return Object.fromEntries(keys.map((key) => [key, median(runs.map((r) => r[key] ?? NaN))]))
}

function table(title: string, rows: Array<[string, ...Array<string | number>]>, header: string[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)))
  const line = (cells: Array<string | number>) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ')
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
  for (const row of rows) console.log(line(row))
}

async function main(): Promise<void> {
  const started = new Date()
  const results: Record<string, unknown> = {
    started_at: started.toISOString(),
    quick: isQuick,
    machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? 'unknown', memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
    plan,
  }
  const checks: Array<[string, string, boolean]> = []

  const throughputResults: Record<string, { hook_slinger: Figures; baseline: Figures; rounds: unknown }> = {}
  for (const concurrency of plan.concurrencies) {
    console.error(`throughput: ${plan.jobs} jobs at ${concurrency} senders, ${plan.rounds} round(s) each…`)
    const runs = await throughput(plan.jobs, concurrency, plan.rounds)
    const hs = medians(runs['hook-slinger'])
    const base = medians(runs.baseline)
    throughputResults[`c${concurrency}`] = { hook_slinger: hs, baseline: base, rounds: runs }
    table(
      `Throughput: ${plan.jobs} jobs, ${concurrency} keep-alive senders (median of ${plan.rounds})`,
      Object.keys(hs).map((key) => [key, hs[key] ?? '', base[key] ?? '', key.endsWith('_per_s') ? `${Math.round(((hs[key] ?? 0) / (base[key] || 1)) * 100)} %` : '']),
      ['metric', 'hook-slinger', 'baseline', 'ratio'],
    )
    if (concurrency === 32) checks.push(['ingest p99 ≤ 50 ms at 32 senders', `${hs['ingest_p99_ms']} ms`, (hs['ingest_p99_ms'] ?? Infinity) <= 50])
    const ratio = (hs['delivered_per_s'] ?? 0) / (base['delivered_per_s'] || 1)
    checks.push([`end to end ≥ 70 % of baseline (c${concurrency})`, `${Math.round(ratio * 100)} %`, ratio >= 0.7])
    checks.push([`end to end ≥ 2,000 jobs/s (c${concurrency})`, `${hs['delivered_per_s']}/s`, (hs['delivered_per_s'] ?? 0) >= 2000])
    checks.push([`no losses, no duplicates (c${concurrency})`, `${hs['losses']} lost, ${hs['duplicates']} dup`, hs['losses'] === 0 && hs['duplicates'] === 0])
    checks.push([`RSS after load ≤ 120 MB (c${concurrency})`, `${hs['rss_after_mb']} MB`, (hs['rss_after_mb'] ?? Infinity) <= 120])
  }
  results['throughput'] = throughputResults

  console.error('light load…')
  const light = await lightLoad(1000, plan.lightMs, plan.sequential)
  results['light_load'] = light
  const hsLight = light['hook-slinger']
  table(
    'Light load: paced 1,000 jobs/s, then one job at a time (ingest → arrival at the receiver)',
    Object.keys(hsLight).map((key) => [key, hsLight[key] ?? '', light.baseline[key] ?? '']),
    ['metric', 'hook-slinger', 'baseline'],
  )
  checks.push(['light load 1,000/s: arrival p50 ≤ 5 ms', `${hsLight['paced_arrival_p50_ms']} ms`, (hsLight['paced_arrival_p50_ms'] ?? Infinity) <= 5])

  console.error('retry storm…')
  const storm = await retryStorm(1000, plan.stormMs)
  results['retry_storm'] = storm
  table(`Retry storm: 20 % of deliveries answer 503, 1,000 jobs/s offered for ${plan.stormMs / 1000} s (3 retries, 1 s apart)`, Object.entries(storm), ['metric', 'hook-slinger'])
  checks.push(['retry storm: every job ends succeeded or failed', `${storm['unfinished']} unfinished`, storm['unfinished'] === 0])
  checks.push(['retry storm: backlog flat (2nd half ≤ 1.5 × 1st half + 100)', `${storm['backlog_first_half_mean']} → ${storm['backlog_second_half_mean']}`, (storm['backlog_second_half_mean'] ?? 0) <= 1.5 * (storm['backlog_first_half_mean'] ?? 0) + 100])

  console.error(`store scale (${plan.storeJobs} jobs)…`)
  const store = await measureStoreScale(plan.storeJobs)
  results['store_scale'] = store
  table(`Store scale: ${plan.storeJobs.toLocaleString('en-US')} jobs generated directly (median of 7 queries)`, Object.entries(store), ['metric', 'value'])
  for (const key of ['list_page_ms', 'status_filter_ms', 'group_filter_ms', 'text_search_rare_ms', 'text_search_common_ms', 'job_detail_ms']) {
    checks.push([`store: ${key.replace('_ms', '')} ≤ 50 ms`, `${store[key]} ms`, (store[key] ?? Infinity) <= 50])
  }
  checks.push(['store: start-up ≤ 2 s', `${store['startup_ms']} ms`, (store['startup_ms'] ?? Infinity) <= 2000])

  if (plan.uiJobs > 0) {
    console.error('UI first rows…')
    const ui = await measureUiFirstRows(plan.uiJobs)
    results['ui'] = ui
    table(`UI: first rows in headless Chromium with ${plan.uiJobs.toLocaleString('en-US')} jobs`, Object.entries(ui), ['metric', 'value'])
  }

  table('Targets', checks.map(([name, value, ok]) => [name, value, ok ? 'met' : 'MISSED']), ['target', 'measured', ''])
  results['targets'] = checks.map(([name, value, ok]) => ({ name, value, met: ok }))
  const dir = join(__dirname, 'results')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, JSON.stringify(results, null, 2))
  console.log(`\nresults: ${file}`)
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
