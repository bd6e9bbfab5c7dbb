/**
 * UI: time from navigation to the first rows of the jobs list, with N jobs (default 100,000) in the
 * store, in headless Chromium against the built `serve`. Usage: npx tsx bench/ui-first-rows.ts [jobs]
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { DATABASE_FILE_NAME } from '../src/core/config'
import { launchChromium } from '../test/e2e/browser'
import { startServe } from '../test/helpers/serve-process'
import { tempDataDir } from '../test/helpers/temp-dir'
import { generateStore } from './store-scale'

export async function measureUiFirstRows(count: number, runs = 5): Promise<Record<string, number>> {
  const temp = tempDataDir('hook-slinger-ui-bench-')
  try {
    generateStore(join(temp.dir, DATABASE_FILE_NAME), count)
    const serve = await startServe({ dataDir: temp.dir, token: 'bench', env: { LOG_LEVEL: 'warn' } })
    const browser = await launchChromium()
    try {
      const samples: number[] = []
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
        const page = await context.newPage()
        await page.goto(`${serve.url}/healthz`)
        const t0 = performance.now()
        await page.goto(`${serve.url}/?token=bench`)
        await page.locator('[data-job-id]').first().waitFor()
        samples.push(performance.now() - t0)
        await context.close()
      }
      samples.sort((a, b) => a - b)
      return { jobs: count, first_rows_ms_median: Math.round(samples[Math.floor(runs / 2)] ?? 0), first_rows_ms_min: Math.round(samples[0] ?? 0) }
    } finally {
      await browser.close()
      serve.child.kill('SIGTERM')
      await serve.exited
    }
  } finally {
    temp.cleanup()
  }
}

if (require.main === module) {
  void measureUiFirstRows(Number(process.argv[2] ?? 100_000)).then((r) => console.log(JSON.stringify(r, null, 2)))
}
