// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app'
import { AppContext, connectEvents, createAppServices, type AppServices } from '../../src/renderer/src/app-context'
import { waitFor } from '../helpers/wait-for'
import { createFakeClient, job, type FakeClient } from './fake-client'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true
// happy-dom has no layout; give elements a viewport-sized box so the virtualizer renders rows
// (real layout is covered by the Chromium end-to-end test).
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 })

describe('Jobs view (with a fake client)', () => {
  let container: HTMLDivElement
  let root: Root
  let client: FakeClient
  let services: AppServices

  beforeEach(async () => {
    client = createFakeClient([job('job-b', { payload: { order: 'B-42' } }), job('job-a', { status: 'failed', last_status: 503 })])
    services = createAppServices(client)
    connectEvents(services)
    await services.jobs.getState().reload()
    container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
    await act(async () => {
      root.render(
        <AppContext.Provider value={services}>
          <App initialView="jobs" />
        </AppContext.Provider>,
      )
    })
  })
  afterEach(async () => {
    await act(async () => root.unmount())
    container.remove()
  })

  const rows = () => [...container.querySelectorAll('[data-job-id]')].map((row) => row.getAttribute('data-job-id'))
  const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name)!

  it('lists the jobs with their status chips', () => {
    expect(rows()).toEqual(['job-b', 'job-a'])
    expect(container.querySelector('[data-job-id="job-a"] .chip-failed')?.textContent).toBe('failed')
  })

  it('opens a job: payload and attempts, and replays it in one click', async () => {
    await act(async () => (container.querySelector('[data-job-id="job-b"]') as HTMLElement).click())
    await waitFor(() => container.querySelector('[aria-label="Job detail"]'), { what: 'the detail pane' })
    expect(container.querySelector('[aria-label="Payload"]')?.textContent).toContain('"B-42"')
    expect(container.querySelector('[aria-label="Attempts"]')?.textContent).toContain('200')
    await act(async () => button('Replay').click())
    expect(client.calls.find((c) => c.name === 'replayJob')?.input).toEqual({ id: 'job-b' })
  })

  it('adds a job that arrives live, without reload', async () => {
    await act(async () => client.emit({ type: 'job:created', job: job('job-c', { status: 'queued' }) }))
    expect(rows()[0]).toBe('job-c')
    expect(client.calls.filter((c) => c.name === 'listJobs')).toHaveLength(1)
  })

  it('narrows the list with a status chip', async () => {
    const chip = [...container.querySelectorAll('[aria-label="Status"] button')].find((b) => b.textContent?.startsWith('failed')) as HTMLElement
    await act(async () => chip.click())
    expect(chip.getAttribute('aria-pressed')).toBe('true')
    await waitFor(() => rows().length === 1, { what: 'the filtered list' })
    expect(rows()).toEqual(['job-a'])
  })

  it('moves the selection with the arrow keys', async () => {
    await act(async () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' })))
    await act(async () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' })))
    expect(services.jobs.getState().selectedId).toBe('job-a')
  })
})
