/**
 * End to end: a real `serve` (built bundle), a real receiver, and Debian's Chromium driving the web
 * dashboard. Screenshots go to test-results/.
 */
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReceiver, type Receiver } from '../helpers/receiver'
import { startServe, type ServeProcess } from '../helpers/serve-process'
import { tempDataDir } from '../helpers/temp-dir'
import { waitFor } from '../helpers/wait-for'
import { CHROMIUM_PATH, hasChromium, launchChromium } from './browser'

const TOKEN = 'e2e-token'
const SHOTS = 'test-results'

describe('web dashboard in Chromium', () => {
  let receiver: Receiver
  let serve: ServeProcess
  let browser: Browser
  let page: Page
  let isFlakyFixed = false
  const temp = tempDataDir()

  beforeAll(async () => {
    if (!hasChromium()) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (.ci/run does)`)
    mkdirSync(SHOTS, { recursive: true })
    receiver = await startReceiver((request) => {
      if (request.path.startsWith('/flaky')) return isFlakyFixed ? { status: 200, body: 'fixed' } : { status: 503, body: 'down' }
      if (request.path.startsWith('/reject')) return { status: 400, body: 'no' }
      return { status: 200, body: '{"received":true}', headers: { 'content-type': 'application/json' } }
    })
    serve = await startServe({ dataDir: temp.dir, token: TOKEN, env: { MAX_RETRIES: '0', LOG_LEVEL: 'warn' } })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${serve.url}/?token=${TOKEN}`)
  })
  afterAll(async () => {
    await browser?.close()
    serve?.child.kill('SIGTERM')
    await serve?.exited
    await receiver?.close()
    temp.cleanup()
  })

  async function ingest(path: string, payload: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<string> {
    const response = await fetch(`${serve.url}/hook_slinger/`, {
      method: 'POST',
      headers: { authorization: `Token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ to_url: `${receiver.url}${path}`, payload, tag: 'e2e', group: 'shop', ...extra }),
    })
    expect(response.status).toBe(202)
    return ((await response.json()) as { job_id: string }).job_id
  }
  const row = (id: string) => page.locator(`[data-job-id="${id}"]`)
  const hits = (path: string) => receiver.requests.filter((r) => r.path === path)

  it('logs in from the ?token= link and strips the token from the address bar', async () => {
    expect(page.url()).toBe(`${serve.url}/`)
    await page.getByText('No webhooks yet').waitFor()
    expect(await page.locator('pre').first().textContent()).toContain(`Authorization: Token ${TOKEN}`)
    await page.screenshot({ path: `${SHOTS}/dashboard-empty.png` })
  })

  it('asks a browser without a session for the token', async () => {
    const context = await browser.newContext()
    const anonymous = await context.newPage()
    await anonymous.goto(`${serve.url}/`)
    await anonymous.getByLabel('API token').waitFor()
    await context.close()
  })

  it('shows a posted job live, opens it, and replays it in one click', async () => {
    const id = await ingest('/ok/first', { order: 'A-1001', amount: 42 })
    await row(id).waitFor()
    await row(id).click()
    const detail = page.getByLabel('Job detail')
    await detail.getByText('"A-1001"').waitFor()
    await detail.getByLabel('Attempts').getByText('200').waitFor()
    await page.screenshot({ path: `${SHOTS}/dashboard-job-detail.png` })
    await detail.getByRole('button', { name: 'Replay', exact: true }).click()
    await waitFor(() => hits('/ok/first').length === 2, { what: 'the replayed delivery' })
    await page.getByText('Replay of').waitFor()
    // ... and back: the source links to its replay.
    await page.locator('.detail-header p', { hasText: 'Replay of' }).locator('.link').click()
    await page.getByText('Replayed as').waitFor()
  })

  it('retries a failed job now', async () => {
    const id = await ingest('/flaky', { order: 'F-1' })
    await row(id).locator('.chip-failed').waitFor()
    await row(id).click()
    isFlakyFixed = true
    await page.getByRole('button', { name: 'Retry now' }).click()
    await waitFor(() => hits('/flaky').length === 2, { what: 'the retried delivery' })
    await row(id).locator('.chip-succeeded').waitFor()
  })

  it('narrows the list with filters', async () => {
    const rejected = await ingest('/reject', { order: 'R-1' }, { tag: 'rejects' })
    await row(rejected).locator('.chip-failed').waitFor()
    await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: /^failed/ }).click()
    await waitFor(async () => (await page.locator('[data-job-id]').count()) === 1, { what: 'only the failed job' })
    expect(await page.locator('[data-job-id]').getAttribute('data-job-id')).toBe(rejected)
    expect(page.url()).toContain('status=failed')
    await page.screenshot({ path: `${SHOTS}/dashboard-filtered.png` })
    await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: /^failed/ }).click()
    await page.getByLabel('Search id, URL, tag, group, payload').fill('A-1001')
    await waitFor(async () => (await page.locator('[data-job-id]').count()) === 2, { what: 'the search result (job and its replay)' })
    await page.getByLabel('Search id, URL, tag, group, payload').fill('')
  })

  it('sends an edited payload with Edit & replay', async () => {
    const id = await ingest('/ok/edit', { order: 'E-1' })
    await row(id).click()
    await page.getByRole('button', { name: 'Edit & replay' }).click()
    await page.getByLabel('Payload JSON').fill('{"order": "E-2", "edited": true}')
    await page.getByLabel('Changes').waitFor()
    await page.screenshot({ path: `${SHOTS}/dashboard-edit-replay.png` })
    await page.getByRole('button', { name: 'Send replay' }).click()
    await waitFor(() => hits('/ok/edit').length === 2, { what: 'the edited replay' })
    expect(JSON.parse(hits('/ok/edit')[1]!.body)).toEqual({ order: 'E-2', edited: true })
  })

  it('shows the overview', async () => {
    await page.getByRole('button', { name: 'Overview' }).click()
    await page.getByText('Deliveries per minute').waitFor()
    await page.screenshot({ path: `${SHOTS}/dashboard-overview.png` })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.getByRole('button', { name: 'Jobs' }).click()
    await page.screenshot({ path: `${SHOTS}/dashboard-dark.png` })
  })
})
