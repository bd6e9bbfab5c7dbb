import { describe, expect, it } from 'vitest'
import { applyEvent, matchesFilter, type JobsListState } from '../../src/renderer/src/stores/apply-event'
import { job } from './fake-client'

const state = (patch: Partial<JobsListState> = {}): JobsListState => ({
  jobsById: { a: job('a') },
  order: ['a'],
  total: 1,
  filter: {},
  pendingNew: 0,
  needsReload: false,
  ...patch,
})

describe('applyEvent', () => {
  it('prepends a created job that matches the filter', () => {
    const next = applyEvent(state(), { type: 'job:created', seq: 1, job: job('b', { status: 'queued' }) })
    expect(next.order).toEqual(['b', 'a'])
    expect(next.total).toBe(2)
    expect(next.jobsById['b']?.status).toBe('queued')
  })

  it('ignores a created job outside the status filter', () => {
    const before = state({ filter: { status: ['failed'] } })
    expect(applyEvent(before, { type: 'job:created', seq: 1, job: job('b', { status: 'queued' }) })).toBe(before)
  })

  it('counts created jobs it cannot judge against a text filter as pending', () => {
    const next = applyEvent(state({ filter: { q: 'order' } }), { type: 'job:created', seq: 1, job: job('b') })
    expect(next.order).toEqual(['a'])
    expect(next.pendingNew).toBe(1)
  })

  it('does not add the same job twice', () => {
    const before = state()
    expect(applyEvent(before, { type: 'job:created', seq: 1, job: job('a') })).toBe(before)
  })

  it('merges an update into a listed job and leaves unknown jobs alone', () => {
    const next = applyEvent(state(), { type: 'job:updated', seq: 2, job: job('a', { status: 'failed', last_status: 503 }) })
    expect(next.jobsById['a']).toMatchObject({ status: 'failed', last_status: 503, payload: { id: 'a' } })
    const before = state()
    expect(applyEvent(before, { type: 'job:updated', seq: 3, job: job('zzz') })).toBe(before)
  })

  it('removes a deleted job', () => {
    const next = applyEvent(state(), { type: 'job:deleted', seq: 4, id: 'a' })
    expect(next.order).toEqual([])
    expect(next.jobsById).toEqual({})
    expect(next.total).toBe(0)
  })

  it('asks for a reload on resync', () => {
    expect(applyEvent(state(), { type: 'resync', seq: 5 }).needsReload).toBe(true)
  })
})

describe('matchesFilter', () => {
  it('judges status, group and tag, and defers text filters to the server', () => {
    const j = job('a', { status: 'failed', group: 'g', tag: 't' })
    expect(matchesFilter(j, { status: ['failed'], group: 'g', tag: 't' })).toBe(true)
    expect(matchesFilter(j, { group: 'other' })).toBe(false)
    expect(matchesFilter(j, { tag: 'other' })).toBe(false)
    expect(matchesFilter(j, { to_url: '127' })).toBeNull()
  })
})
