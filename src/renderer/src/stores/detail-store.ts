/**
 * The job detail pane: loads the selected job with its attempts and refreshes it when events say it
 * changed (coalesced, so a burst of events costs one request).
 */
import { createStore } from 'zustand/vanilla'
import type { EngineClient } from '../../../shared/contract/client'
import type { EngineEvent } from '../../../shared/contract/events'
import type { JobDetail } from '../../../shared/contract/job'

export interface DetailState {
  id: string | null
  detail: JobDetail | null
  isLoading: boolean
  error: string | null
  load(id: string | null): Promise<void>
  applyEvent(event: EngineEvent): void
}

export type DetailStore = ReturnType<typeof createDetailStore>

export function createDetailStore(client: EngineClient, refreshDelayMs = 150) {
  let refreshTimer: ReturnType<typeof setTimeout> | undefined
  return createStore<DetailState>()((set, get) => ({
    id: null,
    detail: null,
    isLoading: false,
    error: null,

    async load(id) {
      set({ id, isLoading: id !== null, error: null, ...(id === get().detail?.id ? {} : { detail: null }) })
      if (id === null) return
      try {
        const detail = await client.getJob({ id })
        if (get().id === id) set({ detail, isLoading: false })
      } catch (error) {
        if (get().id === id) set({ isLoading: false, error: (error as Error).message, detail: null })
      }
    },

    applyEvent(event) {
      const id = get().id
      if (id === null) return
      const touches =
        (event.type === 'job:updated' && event.job.id === id) ||
        (event.type === 'attempt:finished' && event.job_id === id) ||
        (event.type === 'job:deleted' && event.id === id) ||
        event.type === 'resync'
      if (!touches) return
      clearTimeout(refreshTimer)
      refreshTimer = setTimeout(() => void get().load(id), refreshDelayMs)
    },
  }))
}
