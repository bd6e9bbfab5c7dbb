/**
 * The jobs list: a zustand vanilla store created with the client it talks to, so it runs the same
 * over HTTP and IPC, and in tests with a fake client. Components read it with `useStore`.
 */
import { createStore } from 'zustand/vanilla'
import type { ConnectionState, EngineClient } from '../../../shared/contract/client'
import type { EngineEvent } from '../../../shared/contract/events'
import type { JobFilter } from '../../../shared/contract/inputs'
import { applyEvent, type JobsListState } from './apply-event'

export const PAGE_SIZE = 200

export interface JobsState extends JobsListState {
  isTotalExact: boolean
  nextCursor: string | null
  selectedId: string | null
  connection: ConnectionState
  isLoading: boolean
  error: string | null
  setFilter(filter: JobFilter): Promise<void>
  reload(): Promise<void>
  loadMore(): Promise<void>
  select(id: string | null): void
  applyEvent(event: EngineEvent): void
  setConnection(state: ConnectionState): void
}

export type JobsStore = ReturnType<typeof createJobsStore>

export function createJobsStore(client: EngineClient, initialFilter: JobFilter = {}) {
  // Responses of superseded loads (the filter changed meanwhile) are dropped.
  let generation = 0
  return createStore<JobsState>()((set, get) => ({
    jobsById: {},
    order: [],
    total: 0,
    isTotalExact: true,
    filter: initialFilter,
    pendingNew: 0,
    needsReload: false,
    nextCursor: null,
    selectedId: null,
    connection: 'connecting',
    isLoading: false,
    error: null,

    async setFilter(filter) {
      set({ filter })
      await get().reload()
    },

    async reload() {
      const mine = ++generation
      set({ isLoading: true, error: null, needsReload: false, pendingNew: 0 })
      try {
        const page = await client.listJobs({ ...get().filter, limit: PAGE_SIZE })
        if (mine !== generation) return
        set({
          jobsById: Object.fromEntries(page.items.map((job) => [job.id, job])),
          order: page.items.map((job) => job.id),
          total: page.total,
          isTotalExact: page.is_total_exact,
          nextCursor: page.next_cursor,
          isLoading: false,
        })
      } catch (error) {
        if (mine === generation) set({ isLoading: false, error: (error as Error).message })
      }
    },

    async loadMore() {
      const { nextCursor, isLoading, filter } = get()
      if (nextCursor === null || isLoading) return
      const mine = generation
      set({ isLoading: true })
      try {
        const page = await client.listJobs({ ...filter, limit: PAGE_SIZE, cursor: nextCursor })
        if (mine !== generation) return
        const state = get()
        const fresh = page.items.filter((job) => !state.jobsById[job.id])
        set({
          jobsById: { ...state.jobsById, ...Object.fromEntries(fresh.map((job) => [job.id, job])) },
          order: [...state.order, ...fresh.map((job) => job.id)],
          nextCursor: page.next_cursor,
          isLoading: false,
        })
      } catch (error) {
        if (mine === generation) set({ isLoading: false, error: (error as Error).message })
      }
    },

    select(id) {
      set({ selectedId: id })
    },

    applyEvent(event) {
      const next = applyEvent(get(), event)
      if (next !== get()) set(next)
      if (next.needsReload) void get().reload()
    },

    setConnection(connection) {
      set({ connection })
    },
  }))
}
