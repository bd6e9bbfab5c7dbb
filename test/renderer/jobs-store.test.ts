import { describe, expect, it } from 'vitest'
import { createJobsStore, PAGE_SIZE } from '../../src/renderer/src/stores/jobs-store'
import { createDetailStore } from '../../src/renderer/src/stores/detail-store'
import { createFakeClient, job } from './fake-client'
import { waitFor } from '../helpers/wait-for'

describe('jobs store', () => {
  it('loads the first page, then more as asked', async () => {
    const client = createFakeClient(Array.from({ length: PAGE_SIZE + 10 }, (_, i) => job(`j${i}`)))
    const store = createJobsStore(client)
    await store.getState().reload()
    expect(store.getState().order).toHaveLength(PAGE_SIZE)
    expect(store.getState().total).toBe(PAGE_SIZE + 10)
    await store.getState().loadMore()
    expect(store.getState().order).toHaveLength(PAGE_SIZE + 10)
    expect(store.getState().nextCursor).toBeNull()
  })

  it('reloads with the new filter and drops answers to superseded loads', async () => {
    const client = createFakeClient([job('ok'), job('bad', { status: 'failed' })])
    const store = createJobsStore(client)
    const first = store.getState().reload()
    await store.getState().setFilter({ status: ['failed'] })
    await first
    expect(store.getState().order).toEqual(['bad'])
    expect(client.calls.at(-1)).toEqual({ name: 'listJobs', input: { status: ['failed'], limit: PAGE_SIZE } })
  })

  it('reloads when told to resync', async () => {
    const client = createFakeClient([job('a')])
    const store = createJobsStore(client)
    await store.getState().reload()
    client.jobs.push(job('b'))
    store.getState().applyEvent({ type: 'resync', seq: 9 })
    await waitFor(() => store.getState().order.length === 2, { what: 'the reload' })
  })
})

describe('detail store', () => {
  it('loads a job and refreshes it once per burst of its events', async () => {
    const client = createFakeClient([job('a')])
    const store = createDetailStore(client, 5)
    await store.getState().load('a')
    expect(store.getState().detail?.attempts).toHaveLength(1)
    for (let i = 0; i < 5; i++) store.getState().applyEvent({ type: 'job:updated', seq: i, job: job('a') })
    store.getState().applyEvent({ type: 'job:updated', seq: 9, job: job('other') })
    await waitFor(() => client.calls.filter((c) => c.name === 'getJob').length === 2, { what: 'one refresh' })
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(client.calls.filter((c) => c.name === 'getJob')).toHaveLength(2)
  })

  it('shows the error for an unknown job', async () => {
    const store = createDetailStore(createFakeClient([]))
    await store.getState().load('missing')
    expect(store.getState().error).toMatch(/not found/)
  })
})
